import Foundation
import Testing
@testable import WorkbookEngine

/// Random (seeded) edits to a chapter and its data file; after each one the page the kernel
/// gives (resuming from a checkpoint where it can) must equal, byte for byte, the page of a
/// fresh run from the top with no kernel and no cache.
@Suite("Kernel: incremental equals fresh", .serialized)
struct KernelDifferentialTests {
    enum Block: Equatable {
        case prose(String)
        case cell(info: String, code: String)
    }

    static func base(dataPath: String) -> [Block] {
        [
            .prose("# Differential\n\nA chapter the kernel edits at random."),
            .cell(info: "swift", code: """
                import Foundation
                var count = 1
                let data = try! String(contentsOfFile: "\(dataPath)", encoding: .utf8)
                Notebook.recordDependency(path: "\(dataPath)")
                print("read", data.count)
                """),
            .cell(info: "swift", code: "func double(_ x: Int) -> Int { x * 2 }\nfunc label(_ x: Any) -> String { \"any\" }\ncount += 1\nprint(\"count\", count, label(count))"),
            .prose("Some prose between the cells."),
            .cell(info: "swift", code: "var history: [Int] = []\nfor step in 0..<3 { history.append(double(step) + count) }\nprint(history)"),
            .prose("History has `{swift} history.count` entries."),
            .cell(info: "swift exercise id=triple", code: "func triple(_ x: Int) -> Int { 0 }"),
            .cell(info: "swift solution id=triple", code: "func triple(_ x: Int) -> Int { x * 3 }"),
            .cell(info: "swift check id=triple points=1", code: "expectEqual(triple(count), count * 3)"),
            .cell(info: "swift", code: "struct Box { var value: Int }\nlet box = Box(value: count)\nprint(box)"),
            .cell(info: "swift skip", code: "this is not Swift"),
            .cell(info: "swift", code: "count += 10\nprint(\"final\", count, box.value, data.count)"),
            .prose("The final count is `{swift} count`."),
        ]
    }

    static func markdown(_ blocks: [Block]) -> String {
        blocks.map { block in
            switch block {
            case .prose(let text): return text + "\n"
            case .cell(let info, let code): return "```\(info)\n\(code)\n```\n"
            }
        }.joined(separator: "\n")
    }

    /// One random edit; `n` makes every inserted text unique.
    static func edit(_ blocks: inout [Block], data: inout String, n: Int, using random: inout SeededGenerator) -> String {
        let cells = blocks.indices.filter { if case .cell = blocks[$0] { return true } else { return false } }
        let proses = blocks.indices.filter { if case .prose = blocks[$0] { return true } else { return false } }
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            let at = proses.randomElement(using: &random)!
            if case .prose(let text) = blocks[at] { blocks[at] = .prose(text + " More words \(n).") }
            return "prose \(at)"
        case 1, 2:
            // Most edits go to a late cell, as a student's do: the ones the kernel can resume.
            let at = cells.suffix(4).randomElement(using: &random)!
            if case .cell(let info, let code) = blocks[at] {
                blocks[at] = .cell(info: info, code: code + "\nprint(\"edit \(n)\")")
            }
            return "append to cell \(at)"
        case 3:
            let at = cells.randomElement(using: &random)!
            if case .cell(let info, let code) = blocks[at] {
                let digits = code.indices.filter { code[$0].isNumber }
                if let spot = digits.randomElement(using: &random) {
                    var changed = code
                    changed.replaceSubrange(spot...spot, with: String(Int.random(in: 1...9, using: &random)))
                    blocks[at] = .cell(info: info, code: changed)
                } else {
                    blocks[at] = .cell(info: info, code: code + " // edit \(n)")
                }
            }
            return "digit in cell \(at)"
        case 4:
            data = String(repeating: "x", count: Int.random(in: 1...40, using: &random))
            return "data file"
        case 5:
            let at = Int.random(in: 2...blocks.count, using: &random)
            blocks.insert(.cell(info: "swift", code: "print(\"new \(n)\", count)"), at: at)
            return "insert cell at \(at)"
        case 6:
            let at = cells.randomElement(using: &random)!
            blocks.remove(at: at)
            return "delete block \(at)"
        case 7:
            let at = Int.random(in: 1..<(blocks.count - 1), using: &random)
            blocks.swapAt(at, at + 1)
            return "swap blocks \(at), \(at + 1)"
        case 8:
            // A later cell declaring a name an earlier one uses: must not resume stale state.
            let at = cells.suffix(2).randomElement(using: &random)!
            blocks.insert(.cell(info: "swift", code: "func label(_ x: Int) -> String { \"int\" }\nprint(label(2))"), at: at)
            return "overload of label at \(at)"
        default:
            let at = cells.last!
            if case .cell(let info, let code) = blocks[at] {
                blocks[at] = .cell(info: info, code: code + "\nlet later\(n) = count * \(n)\nprint(later\(n))")
            }
            return "declaration in the last cell"
        }
    }

    /// Outside the sandbox and inside it (where the checkpoints are sandboxed processes).
    @Test(arguments: [SandboxMode.off, .preferred])
    func randomEditsRenderTheSamePageAsAFreshRun(sandbox: SandboxMode) throws {
        let toolchain = try pipelineToolchain()
        let folder = try makeScratchFolder([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataPath = folder + "/Data/numbers.txt"
        try FileManager.default.createDirectory(atPath: folder + "/Data", withIntermediateDirectories: true)
        let chapterPath = folder + "/Chapters/01-differential.md"
        try FileManager.default.createDirectory(atPath: folder + "/Chapters", withIntermediateDirectories: true)

        var blocks = Self.base(dataPath: dataPath)
        var data = "1 2 3"
        var random = SeededGenerator(seed: 20_261_201)
        let kernel = Kernel.shared
        let before = kernel.statistics
        var incremental = RunOptions()
        incremental.kernel = .inProcess
        incremental.useCache = false
        incremental.sandbox = sandbox
        var fresh = RunOptions()
        fresh.kernel = .off
        fresh.useCache = false
        fresh.sandbox = sandbox

        var lastGood = blocks
        for step in 0..<16 {
            let what = step == 0 ? "first build" : Self.edit(&blocks, data: &data, n: step, using: &random)
            if ProcessInfo.processInfo.environment["WBK_DEBUG"] != nil { print("step \(step): \(what)") }
            try Data(Self.markdown(blocks).utf8).write(to: URL(fileURLWithPath: chapterPath))
            try Data(data.utf8).write(to: URL(fileURLWithPath: dataPath))
            let kernelOut = folder + "/out-kernel"
            let freshOut = folder + "/out-fresh"
            _ = try Workbook.build(paths: [chapterPath], outputDirectory: kernelOut, options: incremental,
                                   toolchain: toolchain, katex: .cdn)
            let report = try Workbook.build(paths: [chapterPath], outputDirectory: freshOut, options: fresh,
                                            toolchain: toolchain, katex: .cdn)
            let page = "01-differential.html"
            let kernelPage = try #require(readText(kernelOut + "/" + page))
            let freshPage = try #require(readText(freshOut + "/" + page))
            #expect(kernelPage == freshPage, "step \(step) (\(what)): pages differ")
            #expect(readText(kernelOut + "/index.html") == readText(freshOut + "/index.html"), "step \(step) (\(what))")
            // A chapter an edit broke is checked once, then the next edit starts from the last
            // one that ran, so the sequence does not stay stuck on a compile error.
            if report.chapters.first?.status == .passed { lastGood = blocks } else { blocks = lastGood }
        }
        let after = kernel.statistics
        // Not vacuous: the incremental path was taken, and so was the fallback.
        #expect(after.resumedRuns - before.resumedRuns >= 3)
        #expect(after.fullRuns - before.fullRuns >= 2)
    }
}

/// SplitMix64: the same edits on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1330_11EB
        return z ^ (z >> 31)
    }
}
