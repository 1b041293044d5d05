import Foundation

/// Chapter results kept between builds, one JSON file per cache key. It stores what running
/// produced (outputs, statuses, inline values), never HTML, so a prose edit re-renders from it.
public struct ResultCache: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// What is written: the result with every cell diagnostic's line made relative to its cell's
    /// first code line, so a prose edit that moves the cells leaves them pointing right.
    private struct Entry: Codable {
        var formatVersion: Int
        var cacheKey: String
        var result: ChapterResult
    }

    /// The stored result for this plan, or nil when there is none, it is unreadable, or a data
    /// file the chapter read has changed since.
    public func lookup(_ plan: ExecutionPlan) -> ChapterResult? {
        guard let data = FileManager.default.contents(atPath: file(for: plan)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.formatVersion == ExecutionPlan.formatVersion, entry.cacheKey == plan.cacheKey,
              entry.result.cells.count == plan.cells.count else { return nil }
        for (path, hash) in entry.result.dependencies where FileHash.sha256(ofFile: path) != hash {
            return nil
        }
        var result = entry.result
        result.path = plan.chapterPath
        result.fromCache = true
        moveDiagnostics(of: &result, plan: plan, relative: false)
        return result
    }

    /// Stores a passed result (failed chapters always run again), atomically.
    public func store(_ result: ChapterResult, for plan: ExecutionPlan) throws {
        guard result.status == .passed, result.cells.count == plan.cells.count else { return }
        var stored = result
        stored.fromCache = false
        moveDiagnostics(of: &stored, plan: plan, relative: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Entry(formatVersion: ExecutionPlan.formatVersion,
                                            cacheKey: plan.cacheKey, result: stored))
        try AtomicWrite.makeFolder(directory)
        try AtomicWrite.write(Array(data), to: file(for: plan))
    }

    func file(for plan: ExecutionPlan) -> String {
        directory + "/" + plan.cacheKey + ".json"
    }

    private func moveDiagnostics(of result: inout ChapterResult, plan: ExecutionPlan, relative: Bool) {
        for (index, entry) in plan.cells.enumerated() {
            let shift = relative ? -entry.firstCodeLine : entry.firstCodeLine
            for number in result.cells[index].diagnostics.indices {
                result.cells[index].diagnostics[number].line += shift
            }
        }
    }
}
