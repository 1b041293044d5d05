import Foundation

/// Where report pages load KaTeX from.
public enum KaTeXSource: String, Codable, Sendable {
    /// Debian's libjs-katex, copied into `assets/katex/` so pages work offline from disk.
    case local
    /// A pinned CDN release (the version Debian 13 ships, so both look the same).
    case cdn

    /// Where Debian's `libjs-katex` installs KaTeX.
    public static let debianDirectory = "/usr/share/javascript/katex"
    static let cdnBase = "https://cdn.jsdelivr.net/npm/katex@0.16.4/dist"

    /// `.local` when KaTeX is installed in `directory`, `.cdn` otherwise.
    public static func detect(directory: String = debianDirectory) -> KaTeXSource {
        let files = FileManager.default
        let present = ["katex.min.js", "katex.min.css", "fonts"].allSatisfy {
            files.fileExists(atPath: "\(directory)/\($0)")
        }
        return present ? .local : .cdn
    }

    var stylesheetURL: String {
        self == .local ? "assets/katex/katex.min.css" : "\(Self.cdnBase)/katex.min.css"
    }

    var scriptURL: String {
        self == .local ? "assets/katex/katex.min.js" : "\(Self.cdnBase)/katex.min.js"
    }
}
