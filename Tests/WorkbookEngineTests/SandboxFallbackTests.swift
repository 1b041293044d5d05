import Foundation
import Testing
@testable import WorkbookEngine

/// Where no sandbox can start (here: a `bwrap` first on PATH that fails as it would without user
/// namespaces), `build` and `check` warn once and run without it; `grade` stops with status 3
/// unless `--no-sandbox` is given.
@Suite(.serialized) struct SandboxFallbackTests {
    func brokenBubblewrap(in scratch: String) throws -> [String: String] {
        let bin = scratch + "/fake-bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let fake = bin + "/bwrap"
        try "#!/bin/sh\necho 'bwrap: No permissions to creating new namespace' >&2\nexit 1\n"
            .write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        return ["PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }

    @Test func buildWarnsAndRunsGradeFailsClosed() throws {
        let scratch = try ExerciseFixtures.scratchCourse(withSubmissions: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let environment = try brokenBubblewrap(in: scratch)

        let check = try ExerciseFixtures.workbook(["check", "Chapters"], in: scratch, environment: environment)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.components(separatedBy: "warning: running chapter programs without a sandbox").count == 2)
        #expect(check.stderr.contains("No permissions to creating new namespace"))

        let grade = try ExerciseFixtures.workbook(["grade", "Submissions", "--output", "grades.csv"], in: scratch,
                                                  environment: environment)
        #expect(grade.status == 3)
        #expect(grade.stderr.hasPrefix("error: the sandbox cannot start: "))
        #expect(grade.stderr.contains("pass --no-sandbox to grade without it"))
        #expect(!FileManager.default.fileExists(atPath: scratch + "/grades.csv"))

        let unsandboxed = try ExerciseFixtures.workbook(["grade", "Submissions", "--output", "grades.csv", "--no-sandbox", "--timeout", "3"],
                                                        in: scratch, environment: environment)
        #expect(unsandboxed.status == 0, "\(unsandboxed.stderr)")
        #expect(!unsandboxed.stderr.contains("warning"))
        #expect(FileManager.default.fileExists(atPath: scratch + "/grades.csv"))
    }
}
