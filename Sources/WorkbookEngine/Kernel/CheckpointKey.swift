import Crypto
import Foundation

/// The key of a checkpoint taken before cell `boundary`: SHA-256 over everything the cache key
/// holds (see `CacheKey`), restricted to the cells before it and the inline expressions
/// evaluated before it. The data files those cells read are checked separately, by content,
/// when the checkpoint is used.
enum CheckpointKey {
    private struct Material: Codable {
        var kernelFormat = 2
        var formatVersion = ExecutionPlan.formatVersion
        var chapterPath: String
        var boundary: Int
        var cells: [Cell]
        var inlines: [Inline]
        var compilerVersion: String
        var flags: [String]
        var courseFingerprint: String
        var defaultTimeout: Double
        var outputLimit: Int
        /// A checkpoint taken outside the sandbox never serves a sandboxed run, nor the reverse.
        var sandboxed: Bool
        var memoryLimit: Int
    }

    private struct Cell: Codable {
        var role: String
        var kind: String
        var timeout: Double?
        var code: String?
    }

    private struct Inline: Codable {
        var code: String
        var cellsBefore: Int
    }

    static func compute(chapter: Chapter, plan: ExecutionPlan, boundary: Int, toolchain: Toolchain,
                        options: RunOptions) -> String {
        let cells = plan.cells.prefix(boundary).map { entry in
            Cell(role: entry.role.rawValue, kind: chapter.cells[entry.index].attributes.kind.rawValue,
                 timeout: entry.role == .run ? entry.timeout : nil,
                 code: entry.role == .displayOnly ? nil : chapter.cells[entry.index].code)
        }
        let inlines = inlinesBefore(boundary, in: chapter).map { inline in
            Inline(code: inline.code, cellsBefore: chapter.cells.filter { $0.fenceLine < inline.line }.count)
        }
        let material = Material(chapterPath: chapter.path, boundary: boundary, cells: cells, inlines: inlines,
                                compilerVersion: toolchain.compilerVersion, flags: toolchain.flags,
                                courseFingerprint: toolchain.fingerprint, defaultTimeout: options.timeout,
                                outputLimit: options.outputLimit, sandboxed: options.isSandboxed,
                                memoryLimit: options.memoryLimit)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(material)) ?? Data()
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The inline expressions a program evaluates before cell `boundary` begins.
    static func inlinesBefore(_ boundary: Int, in chapter: Chapter) -> [InlineExpression] {
        let fence = chapter.cells[boundary].fenceLine
        return chapter.inlines.filter { $0.line < fence }
    }
}
