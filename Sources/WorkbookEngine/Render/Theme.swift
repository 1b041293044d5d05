import Foundation
import Mustache

/// The look of a site: Mustache templates for the page shell, sidebar and chapter layout, and
/// the static files (stylesheet, scripts) copied to `assets/`. The built-in theme ships as this
/// module's resources (`Theme/`); a course replaces any of its files by putting one with the same
/// name in a `theme/` folder beside its chapters folder, as mdBook's `theme/` does.
///
/// Values reach the templates already HTML-escaped, so templates use `{{{triple}}}` braces
/// (swift-mustache's `{{double}}` escapes `<>&` but not quotes, which attributes need).
public struct Theme: Sendable {
    /// Static files by name, written to `assets/NAME`.
    public private(set) var assets: [String: Data]
    private let library: MustacheLibrary

    /// The built-in theme with no overrides.
    public static let builtIn: Theme = {
        do { return try Theme(overrides: nil) } catch { fatalError("the built-in theme does not parse: \(error)") }
    }()

    /// The built-in theme, with every file of `overrides` (a course's `theme/` folder) in place
    /// of the built-in file of that name. A template that does not parse is bad input.
    public init(overrides: String?) throws {
        var files = try Self.files(in: Self.builtInFolder())
        if let overrides, FileManager.default.fileExists(atPath: overrides) {
            for (name, data) in try Self.files(in: overrides) { files[name] = data }
        }
        var library = MustacheLibrary()
        var assets: [String: Data] = [:]
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            guard name.hasSuffix(".mustache") else { assets[name] = data; continue }
            let text = String(decoding: data, as: UTF8.self)
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                let folder = overrides.flatMap { FileManager.default.fileExists(atPath: "\($0)/\(name)") ? $0 : nil }
                throw WorkbookError("\(folder ?? "built-in theme")/\(name): error: template does not parse: \(error)")
            }
        }
        self.assets = assets
        self.library = library
    }

    /// The theme a course uses: the built-in one with the course's `theme/` folder over it.
    public static func forCourse(root: String) throws -> Theme {
        let folder = "\(root)/theme"
        return FileManager.default.fileExists(atPath: folder) ? try Theme(overrides: folder) : builtIn
    }

    /// Renders template `name` with `context` (a dictionary of strings, booleans and lists).
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func builtInFolder() throws -> String {
        guard let url = Bundle.module.url(forResource: "Theme", withExtension: nil) else {
            throw WorkbookError("the built-in theme is missing from the workbook's resources")
        }
        return url.path
    }

    /// Plain files directly in `folder` (no subfolders, no dot files), by name.
    private static func files(in folder: String) throws -> [String: Data] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw WorkbookError("\(folder): cannot read the theme folder")
        }
        var files: [String: Data] = [:]
        for name in names where !name.hasPrefix(".") {
            let path = URL(fileURLWithPath: "\(folder)/\(name)").resolvingSymlinksInPath().path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw WorkbookError("\(folder)/\(name): cannot read the theme file")
            }
            files[name] = data
        }
        return files
    }
}
