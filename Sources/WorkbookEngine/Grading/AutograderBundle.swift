import Foundation

/// `workbook autograder gradescope|prairielearn`: a folder to hand to the platform. It holds
/// a copy of the course (its chapters, `Data/`, and the package that builds `workbook` and
/// the `Course` library) under `course/`, and the platform's scripts (`AutograderScripts`).
/// Written into a temporary sibling folder and renamed into place, so a failure leaves nothing.
public enum AutograderBundle {
    public enum Platform: String, CaseIterable, Sendable {
        case gradescope, prairielearn
    }

    /// What is copied from the course root when present; `Chapters` must be.
    static let courseItems = ["Chapters", "Data", "Package.swift", "Package.resolved", "Sources"]

    /// Returns the files written, relative to `output`, and warnings for the instructor.
    public static func write(_ platform: Platform, course: String, output: String, timeout: Double,
                             swiftVersion: String) throws -> (files: [String], warnings: [String]) {
        let files = FileManager.default
        let root = URL(fileURLWithPath: course).resolvingSymlinksInPath().path
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: root + "/Chapters", isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkbookError("\(course): not a course root (it has no Chapters/ folder)")
        }
        let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        if target == root || target.hasPrefix(root + "/") {
            throw WorkbookError("\(output): is inside the course \(course); write the autograder elsewhere")
        }
        if files.fileExists(atPath: target), !((try? files.contentsOfDirectory(atPath: target)) ?? ["?"]).isEmpty {
            throw WorkbookError("\(output): exists and is not empty; give a new folder")
        }
        // Every chapter must parse and its exercises be well-formed before anything is written.
        for chapter in try Workbook.loadChapters([root + "/Chapters"]) { _ = try ExerciseSet(chapter) }

        var warnings: [String] = []
        if !files.fileExists(atPath: root + "/Package.swift") {
            warnings.append("\(course) has no Package.swift: the bundle's course/ holds the chapters only; "
                + "copy the workbook package into it before uploading, or set WORKBOOK_EXECUTABLE")
        }
        let parent = (target as NSString).deletingLastPathComponent
        try files.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let staging = parent + "/.\(URL(fileURLWithPath: target).lastPathComponent).tmp-\(UUID().uuidString)"
        do {
            try files.createDirectory(atPath: staging + "/course", withIntermediateDirectories: true)
            var written: [String] = []
            for item in courseItems where files.fileExists(atPath: root + "/" + item) {
                try files.copyItem(atPath: root + "/" + item, toPath: staging + "/course/" + item)
                written.append("course/" + item)
            }
            let scripts = AutograderScripts.files(platform, timeout: timeout, swiftVersion: swiftVersion)
            for script in scripts {
                let path = staging + "/" + script.name
                guard files.createFile(atPath: path, contents: Data(script.text.utf8),
                                       attributes: [.posixPermissions: script.executable ? 0o755 : 0o644]) else {
                    throw WorkbookError("\(path): cannot write")
                }
                written.append(script.name)
            }
            if files.fileExists(atPath: target) { try files.removeItem(atPath: target) }
            try files.moveItem(atPath: staging, toPath: target)
            return (written.sorted(), warnings)
        } catch {
            try? files.removeItem(atPath: staging)
            throw error
        }
    }
}
