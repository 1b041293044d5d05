import Foundation
@testable import WorkbookEngine

/// Fixture chapters under Fixtures/execute/ and the toolchain the tests compile them with.
///
/// The toolchain is the test build folder itself (`.build*/debug/`, found from the running test
/// binary, or `$WORKBOOK_COURSE_DIR`): `swift build --build-tests` — which `swift test` runs —
/// builds every product, `libCourse.so` included, into that folder.
enum ExecuteFixtures {
    static let toolchain: Result<Toolchain, Error> = Result { try Toolchain.locate() }

    static func toolchainOrFail() throws -> Toolchain {
        try toolchain.get()
    }

    static func source(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/execute/\(name)", withExtension: "md") else {
            throw WorkbookError("missing fixture \(name).md")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Parses a fixture (optionally edited first) under the label `Fixtures/execute/NAME.md`.
    static func chapter(_ name: String, edit: (String) -> String = { $0 }) throws -> Chapter {
        try ChapterParser.parse(path: "Fixtures/execute/\(name).md", bytes: Array(edit(try source(name)).utf8))
    }

    static func run(_ chapter: Chapter, options: RunOptions = RunOptions(),
                    events: (@Sendable (RunEvent) -> Void)? = nil) throws -> ChapterResult {
        let toolchain = try toolchainOrFail()
        let plan = Planner.plan(chapter, toolchain: toolchain, options: options)
        return Executor.run(plan, chapter: chapter, toolchain: toolchain, options: options, events: events)
    }

    static func run(_ name: String, options: RunOptions = RunOptions()) throws -> ChapterResult {
        try run(chapter(name), options: options)
    }

    /// 1-based line of the first line of `source` containing `text`.
    static func line(of text: String, in source: String) -> Int? {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(text) }.map { $0 + 1 }
    }

    /// A result with its wall times removed, for comparing two runs.
    static func withoutTimings(_ result: ChapterResult) -> ChapterResult {
        var copy = result
        copy.compileSeconds = nil
        copy.runSeconds = nil
        for index in copy.cells.indices { copy.cells[index].seconds = nil }
        return copy
    }
}

/// Collects run events from the executor's thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [RunEvent] = []

    func append(_ event: RunEvent) { lock.withLock { stored.append(event) } }
    var events: [RunEvent] { lock.withLock { stored } }
}
