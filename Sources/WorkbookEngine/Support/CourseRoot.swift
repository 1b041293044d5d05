import Foundation

/// Where a course's data lives (the team convention): `Data/` in the course root, which is the
/// folder holding the chapters folder, or the chapters folder itself when it holds `Data/`.
/// Chapter programs run with the course root as their working directory, so `Data/x.csv`
/// means the same file from whatever folder `workbook` was started.
public enum CourseRoot {
    /// The absolute course root of the chapter file at `chapterPath`.
    public static func directory(forChapter chapterPath: String) -> String {
        let chapters = URL(fileURLWithPath: chapterPath).standardizedFileURL.deletingLastPathComponent()
        if isFolder(chapters.appendingPathComponent("Data").path) { return chapters.path }
        return chapters.deletingLastPathComponent().path
    }

    /// The course's data folder, when it has one.
    public static func dataFolder(forChapter chapterPath: String) -> String? {
        let folder = directory(forChapter: chapterPath) + "/Data"
        return isFolder(folder) ? folder : nil
    }

    /// `path` as the chapter program at `root` sees it: relative paths are under the root.
    static func resolve(_ path: String, in root: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: root).appendingPathComponent(path).standardizedFileURL.path
    }

    static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
