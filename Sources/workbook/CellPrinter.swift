import Foundation
import Rainbow
import WorkbookEngine

/// Prints `workbook run`'s output: each cell's heading and output as soon as it finishes, with
/// the live line (`cell 3 of 12 (line 40) · 14 s of 60 s limit · training 40/100 loss 0.12`)
/// kept under it while a cell runs. Events arrive from the executor's threads, so state goes
/// through one lock.
final class CellPrinter: @unchecked Sendable {
    private let chapter: Chapter
    private let options: RunOptions
    private let progress = ProgressLine()
    private let lock = NSLock()
    private var printed = Set<Int>()
    /// Guards only `running` and `progressText`, which the live line's thread reads; taken
    /// last and alone, so it never waits on the other locks.
    private let stateLock = NSLock()
    /// The running cell, when it began (monotonic), and the latest progress it reported.
    private var running: (index: Int, started: Double)?
    private var progressText = ""

    init(chapter: Chapter, options: RunOptions) {
        self.chapter = chapter
        self.options = options
        Rainbow.enabled = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    func handle(_ event: RunEvent) {
        lock.withLock {
            switch event {
            case .compiling:
                let started = Self.now()
                progress.show(phase: "compiling") {
                    let elapsed = Self.now() - started
                    return "compiling \(self.chapter.path) …" + (elapsed >= 1 ? " \(Clock.text(elapsed))" : "")
                }
            case .cellStarted(let index):
                stateLock.withLock {
                    running = (index, Self.now())
                    progressText = ""
                }
                progress.show(phase: "running \(index)") { [self] in stateLock.withLock { statusText() } }
            case .cellFinished(let result):
                printCell(result)
            case .progress(let cell, let text):
                stateLock.withLock { if running?.index == cell { progressText = text } }
            }
        }
    }

    /// `cell 3 of 12 (line 40) · 14 s of 60 s limit`, then the cell's own progress.
    static func statusText(cell: Int, of count: Int, line: Int, elapsed: Double, limit: Double, progress: String) -> String {
        var text = "cell \(cell + 1) of \(count) (line \(line)) · \(Clock.text(elapsed)) of \(Clock.text(limit)) limit"
        if !progress.isEmpty { text += " · " + progress }
        return text
    }

    private func statusText() -> String {
        guard let running, running.index < chapter.cells.count else { return "" }
        let cell = chapter.cells[running.index]
        return Self.statusText(cell: running.index, of: chapter.cells.count, line: cell.firstCodeLine,
                               elapsed: Self.now() - running.started,
                               limit: cell.attributes.timeout ?? options.timeout, progress: progressText)
    }

    /// Prints the cells no event reported (compile errors, cells never reached), then a summary.
    func finish(_ result: ChapterResult) {
        lock.withLock {
            for cell in result.cells where !printed.contains(cell.index) { printCell(cell) }
            progress.stop()
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
        var text = TerminalRenderer.heading(chapter.cells[result.index], status: result.status).bold + "\n"
        for segment in TerminalRenderer.segments(result, options: options, cell: chapter.cells[result.index]) {
            text += colour(segment) + "\n"
        }
        fflush(stdout)
        progress.printAbove(text)
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

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
