import Foundation
import Rainbow
import WorkbookEngine

/// Prints `workbook run`'s output: each cell's heading and output as soon as it finishes, with
/// the progress line kept up to date in between. Events arrive from the executor's threads,
/// so everything goes through one lock.
final class CellPrinter: @unchecked Sendable {
    private let chapter: Chapter
    private let options: RunOptions
    private let progress = ProgressLine()
    private let lock = NSLock()
    private var printed = Set<Int>()

    init(chapter: Chapter, options: RunOptions) {
        self.chapter = chapter
        self.options = options
        Rainbow.enabled = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    func handle(_ event: RunEvent) {
        lock.withLock {
            switch event {
            case .compiling:
                progress.show("compiling \(chapter.path) …", phase: "compiling")
            case .cellStarted(let index):
                progress.show("running cell \(index + 1) of \(chapter.cells.count) (line \(chapter.cells[index].firstCodeLine)) …",
                              phase: "running")
            case .cellFinished(let result):
                printCell(result)
            }
        }
    }

    /// Prints the cells no event reported (compile errors, cells never reached), then a summary.
    func finish(_ result: ChapterResult) {
        lock.withLock {
            for cell in result.cells where !printed.contains(cell.index) { printCell(cell) }
            progress.clear()
            for diagnostic in result.diagnostics {
                print("\(diagnostic.file):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity): \(diagnostic.message)".red)
            }
            let counts = CellCounts(result, cells: chapter.cells)
            let word = BuildSummary.word(result.status)
            print("\(chapter.path): ".bold + (result.status == .passed ? word.green : word.red).bold
                  + " — \(counts.description)".bold)
            fflush(stdout)
        }
    }

    private func printCell(_ result: CellResult) {
        guard result.index < chapter.cells.count, printed.insert(result.index).inserted else { return }
        progress.clear()
        print(TerminalRenderer.heading(chapter.cells[result.index], status: result.status).bold)
        for segment in TerminalRenderer.segments(result, options: options, cell: chapter.cells[result.index]) {
            print(colour(segment))
        }
        fflush(stdout)
    }

    private func colour(_ segment: TerminalRenderer.Segment) -> String {
        switch segment.kind {
        case .stdout: return segment.text
        case .stderr: return segment.text.yellow
        case .display: return segment.text.cyan
        case .diagnostic: return segment.severity == "error" ? segment.text.red : segment.text.yellow
        case .status: return segment.text.red.bold
        case .notice: return segment.text.dim
        }
    }
}
