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
                throw WorkbookError("\(path): \(whyMissing(path))")
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

    /// Why `path` cannot be opened although the user named it: a symlink loop and a link to
    /// nothing are told apart from a path that does not exist.
    public static func whyMissing(_ path: String) -> String {
        var link = stat()
        guard lstat(path, &link) == 0 else { return "no such file or directory" }
        var target = stat()
        if stat(path, &target) != 0 {
            if errno == ELOOP { return "too many levels of symbolic links (a symlink loop)" }
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return "a symbolic link to \(destination), which does not exist"
        }
        return "cannot read: \(String(cString: strerror(errno)))"
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
