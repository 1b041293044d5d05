import Foundation

/// `assets/workbook.css`, the one stylesheet of every page. It lives as a plain file in the
/// theme (`Theme/workbook.css`); a course's `theme/workbook.css` replaces it.
enum Stylesheet {
    static var css: String { String(decoding: Theme.builtIn.assets["workbook.css"] ?? Data(), as: UTF8.self) }
}
