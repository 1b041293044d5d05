import Foundation

/// What a course says about itself beside its chapters: its title (`title = "…"` in a
/// `workbook.toml` in the course root), its introduction (`README.md` or `index.md` in the
/// chapters folder, shown on the index page) and where its `theme/` folder would be.
public struct CourseSite: Sendable {
    /// File names (lower-cased) that are the introduction, never a chapter.
    public static let introductionNames: Set<String> = ["readme.md", "index.md"]

    public var title: String
    public var introduction: Chapter?
    /// The folder holding the chapters folder (and `theme/`, `workbook.toml`, `Data/`).
    public var root: String

    public init(title: String = "Workbook", introduction: Chapter? = nil, root: String = ".") {
        self.title = title
        self.introduction = introduction
        self.root = root
    }

    /// The chapters folder of a build: the first path when it is a folder, else its file's folder.
    public static func chaptersFolder(for paths: [String]) -> String {
        guard let first = paths.first else { return "." }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: first, isDirectory: &isFolder), isFolder.boolValue { return first }
        let parent = (first as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    public static func load(paths: [String]) throws -> CourseSite {
        let folder = chaptersFolder(for: paths)
        let root = ((folder as NSString).standardizingPath as NSString).deletingLastPathComponent
        var site = CourseSite(root: root.isEmpty ? "." : root)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        if let name = names.sorted().first(where: { introductionNames.contains($0.lowercased()) }) {
            let intro = try ChapterParser.parse(path: "\(folder)/\(name)",
                                                bytes: Array(FileManager.default.contents(atPath: "\(folder)/\(name)") ?? Data()))
            site.introduction = intro
            if intro.title != intro.slug { site.title = intro.title }
        }
        if let title = try courseFileTitle("\(site.root)/workbook.toml") { site.title = title }
        return site
    }

    /// `title = "…"` from a `workbook.toml` (other keys are ignored); nil when there is no file.
    static func courseFileTitle(_ path: String) throws -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("title") else { continue }
            let rest = text.dropFirst("title".count).trimmingCharacters(in: .whitespaces)
            guard rest.hasPrefix("=") else { continue }
            let value = rest.dropFirst().trimmingCharacters(in: .whitespaces)
            guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\""),
                  !value.dropFirst().dropLast().contains("\"") else {
                throw WorkbookError("title must be a quoted string on one line, as title = \"My course\"",
                                    file: path, line: number + 1)
            }
            return String(value.dropFirst().dropLast())
        }
        return nil
    }
}
