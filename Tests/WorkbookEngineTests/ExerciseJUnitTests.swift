import Foundation
import Testing
@testable import WorkbookEngine

/// `check --junit`: valid against the JUnit schema CI servers read, with times, a timestamp,
/// errors for crashes and compile errors, and properties where the schema allows them.
@Suite struct ExerciseJUnitTests {
    static func summary() -> CheckSession.Summary {
        func grade(_ id: String, passed: Bool, stopped: Bool, seconds: Double) -> ExerciseGrade {
            ExerciseGrade(id: id, file: "Chapters/01-a.md", line: 3, passed: passed, points: passed ? 2 : 0, maxPoints: 2,
                          answer: .student, replacement: nil, checks: [],
                          findings: passed ? [] : [Finding(file: "Chapters/01-a.md", line: 9,
                                                           message: stopped ? "Fatal error: Index out of range" : "check failed: 1 < 2")],
                          stopped: stopped, seconds: seconds)
        }
        var first = ChapterCheck(path: "Chapters/01-a.md",
                                 exercises: [grade("ok", passed: true, stopped: false, seconds: 0.25),
                                             grade("wrong", passed: false, stopped: false, seconds: 0.5),
                                             grade("crash", passed: false, stopped: true, seconds: 1)],
                                 problems: [], runs: 2)
        first.started = "2026-12-01T14:00:00Z"
        first.seconds = 3.5
        var second = ChapterCheck(path: "Chapters/02-<b>.md", exercises: [],
                                  problems: [Finding(file: "Chapters/02-<b>.md", line: 4, message: "error: cannot find 'x' in scope")],
                                  runs: 1)
        second.stopped = true
        second.started = "2026-12-01T14:00:04Z"
        second.seconds = 1.25
        return CheckSession.Summary(chapters: [first, second], updated: [])
    }

    @Test func theReportIsValidAgainstTheJUnitSchema() throws {
        let xml = JUnitReport.xml(Self.summary())
        let folder = try makeScratchFolder(["report.xml": xml])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let schema = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/junit/junit.xsd").path
        // bin/ensure-system-packages installs xmllint (libxml2-utils).
        let xmllint = try #require(["/usr/bin/xmllint", "/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                   "xmllint is missing: apt-get install libxml2-utils")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--schema", schema, folder + "/report.xml"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)\n\(xml)")
    }

    @Test func timesTimestampErrorsAndProperties() {
        let xml = JUnitReport.xml(Self.summary())
        #expect(xml.contains("<testsuites name=\"workbook check\" tests=\"5\" failures=\"1\" errors=\"2\" time=\"4.750\">"))
        #expect(xml.contains("<testsuite name=\"Chapters/01-a.md\" tests=\"4\" failures=\"1\" errors=\"1\" time=\"3.500\" "
                             + "timestamp=\"2026-12-01T14:00:00Z\">\n    <properties>\n"))
        #expect(xml.contains("<property name=\"points.ok\" value=\"2/2\"/>"))
        #expect(xml.contains("<testcase classname=\"Chapters/01-a.md\" name=\"wrong\" time=\"0.500\">\n      <failure "))
        #expect(xml.contains("<testcase classname=\"Chapters/01-a.md\" name=\"crash\" time=\"1.000\">\n      <error "))
        #expect(xml.contains("name=\"chapter\" time=\"0.000\">\n      <error message=\"error: cannot find &apos;x&apos; in scope\""))
        #expect(xml.contains("<testsuite name=\"Chapters/02-&lt;b&gt;.md\""))
    }
}
