import Crypto
import Foundation

/// The cache key: SHA-256 over a canonical JSON encoding (sorted keys) of everything that could
/// change a chapter's results. Prose, line numbers and display-only attributes (`hide`,
/// `hidden`, `id`, `points`) are left out, so editing them re-renders from the cache; the code of
/// a cell that is not compiled is left out too (only its place and role count).
enum CacheKey {
    private struct Material: Codable {
        var formatVersion: Int
        var chapterPath: String
        var runKinds: [String]
        var cells: [CellMaterial]
        var inlines: [InlineMaterial]
        var compilerVersion: String
        var flags: [String]
        var courseFingerprint: String
        var defaultTimeout: Double
        var outputLimit: Int
        var memoryLimit: Int
    }

    private struct CellMaterial: Codable {
        var role: String
        var kind: String
        var timeout: Double?
        var code: String?
    }

    private struct InlineMaterial: Codable {
        var code: String
        /// How many cells come before it: where it is evaluated, independent of line numbers.
        var cellsBefore: Int
    }

    static func compute(chapter: Chapter, planned: [ExecutionPlan.PlannedCell], toolchain: Toolchain,
                        options: RunOptions, runKinds: Set<CellKind>) -> String {
        let cells = planned.map { entry -> CellMaterial in
            let cell = chapter.cells[entry.index]
            let compiled = entry.role != .displayOnly
            return CellMaterial(role: entry.role.rawValue, kind: cell.attributes.kind.rawValue,
                                timeout: entry.role == .run ? entry.timeout : nil,
                                code: compiled ? cell.code : nil)
        }
        let inlines = chapter.inlines.map { inline in
            InlineMaterial(code: inline.code,
                           cellsBefore: chapter.cells.filter { $0.fenceLine < inline.line }.count)
        }
        let material = Material(
            formatVersion: ExecutionPlan.formatVersion, chapterPath: chapter.path,
            runKinds: runKinds.map(\.rawValue).sorted(), cells: cells, inlines: inlines,
            compilerVersion: toolchain.compilerVersion, flags: toolchain.flags,
            courseFingerprint: toolchain.fingerprint, defaultTimeout: options.timeout,
            outputLimit: options.outputLimit, memoryLimit: options.memoryLimit)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain strings and numbers cannot fail.
        let bytes = (try? encoder.encode(material)) ?? Data()
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
