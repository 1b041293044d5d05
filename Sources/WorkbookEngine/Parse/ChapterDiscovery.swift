import Foundation

/// Which chapter files a build covers.
public enum ChapterDiscovery {
    /// Folders expand to the `*.md` files directly in them; files are taken as given.
    /// Chapters are ordered by file name (then by path), each listed once.
    public static func chapterFiles(for paths: [String]) throws -> [String] {
        let fileManager = FileManager.default
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw WorkbookError("\(path): no such file or directory")
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names = try fileManager.contentsOfDirectory(atPath: path)
                .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
                // README.md / index.md is the course's introduction (the index page), not a chapter.
                .filter { !CourseSite.introductionNames.contains($0.lowercased()) }
            guard !names.isEmpty else { throw WorkbookError("\(path): no chapters (*.md) in this folder") }
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            files += names.map { "\(folder)/\($0)" }
        }
        var seen = Set<String>()
        return files
            .filter { seen.insert(($0 as NSString).standardizingPath).inserted }
            .sorted { (fileName($0), $0) < (fileName($1), $1) }
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
