import Foundation
import Testing
@testable import WorkbookEngine
#if canImport(Glibc)
import Glibc
#endif

/// What the attack suites share: a scratch course (`Chapters/attack.md`, `Data/table.csv`, another
/// chapter and an `Output/.cache/` entry) and a way to run a chapter in it.
protocol AttackSuite {}

struct AttackCourse {
    let root: String
    var chapter: String { root + "/Chapters/attack.md" }
    var cacheEntry: String { root + "/Output/.cache/other.json" }
}

extension AttackSuite {
    func course() throws -> AttackCourse {
        let root = try makeScratchFolder(["Data/table.csv": "a,b\n1,2\n", "Output/.cache/other.json": "{\"ok\":1}",
                                          "Chapters/other.md": "# Other\n\nhidden solution\n"])
        return AttackCourse(root: URL(fileURLWithPath: root).standardizedFileURL.path)
    }

    func run(_ markdown: String, in course: AttackCourse, options: RunOptions = RunOptions(),
             runKinds: Set<CellKind> = Planner.teacherRunKinds) throws -> ChapterResult {
        try markdown.write(toFile: course.chapter, atomically: true, encoding: .utf8)
        let chapter = try Workbook.loadChapter(course.chapter)
        let toolchain = try ExecuteFixtures.toolchainOrFail()
        let plan = Planner.plan(chapter, toolchain: toolchain, options: options, runKinds: runKinds)
        return Executor.run(plan, chapter: chapter, toolchain: toolchain, options: options)
    }

    func sandboxAvailable() -> Bool { Sandbox.unavailableReason == nil }

    /// Processes whose command line has `argument` (from /proc).
    func processes(withArgument argument: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == argument }
        }
    }
}
