import Foundation
@testable import WorkbookEngine

/// The exercise fixtures (Fixtures/exercises/) and a way to run the built `workbook` on them.
enum ExerciseFixtures {
    static var folder: String { Bundle.module.resourceURL!.appendingPathComponent("Fixtures/exercises").path }

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: folder + "/" + relative, encoding: .utf8)
    }

    static func chapter(_ markdown: String, path: String = "ch.md") throws -> Chapter {
        try ChapterParser.parse(path: path, bytes: Array(markdown.utf8))
    }

    /// The error a malformed chapter's exercise blocks raise, as printed.
    static func exerciseError(_ markdown: String) -> String? {
        do {
            _ = try ExerciseSet(try chapter(markdown))
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// 1-based line numbers of the lines of `text` equal to `line`.
    static func lines(equalTo line: String, in text: String) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element == line }.map { $0.offset + 1 }
    }

    /// A scratch folder holding the course chapter as `Chapters/01-sums.md` and, when asked,
    /// the class of submissions as `Submissions/`.
    static func scratchCourse(withSubmissions: Bool = false) throws -> String {
        let scratch = try makeScratchFolder([:])
        let files = FileManager.default
        try files.createDirectory(atPath: scratch + "/Chapters", withIntermediateDirectories: true)
        try files.copyItem(atPath: folder + "/course/01-sums.md", toPath: scratch + "/Chapters/01-sums.md")
        if withSubmissions { try files.copyItem(atPath: folder + "/submissions", toPath: scratch + "/Submissions") }
        return scratch
    }

    /// The grades CSV's rows as fields (RFC 4180: quoted fields, doubled quotes, commas inside).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, characters = Array(text), index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" { field.append("\""); index += 1 }
                    else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" { quoted = true }
            else if character == "," { row.append(field); field = "" }
            else if character == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(character) }
            index += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the `workbook` built beside the tests, in `directory`.
    static func workbook(_ arguments: [String], in directory: String,
                         environment extra: [String: String] = [:]) throws -> Outcome {
        let executable = pipelineBuildFolder() + "/workbook"
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw WorkbookError("build the workbook executable first: swift build --product workbook")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "WORKBOOK_COURSE_DIR")
        environment["NO_COLOR"] = "1"
        // No kernel daemon unless a test asks for one (KernelDaemonTests): none outlives a test.
        environment["WORKBOOK_NO_KERNEL"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let outFile = directory + "/.stdout-\(UUID().uuidString)", errFile = directory + "/.stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: outFile, contents: nil)
        FileManager.default.createFile(atPath: errFile, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outFile)
            try? FileManager.default.removeItem(atPath: errFile)
        }
        process.standardOutput = FileHandle(forWritingAtPath: outFile)
        process.standardError = FileHandle(forWritingAtPath: errFile)
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: readText(outFile) ?? "", stderr: readText(errFile) ?? "")
    }
}
