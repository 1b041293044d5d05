import Foundation
import Rainbow
import WorkbookEngine

/// `build` and `check` as they go: each chapter's line as soon as it finishes, and on a
/// terminal a live line naming the chapters still running and for how long
/// (`running 02-rnn.md 12 s · 07-deep-clustering.md 3 s`). Not on a terminal, plain lines
/// only. Everything goes to stderr, so stdout keeps the report (text, JSON) as it was.
final class ChapterLines: ChapterProgress, @unchecked Sendable {
    private let line: ProgressLine
    private let lock = NSLock()
    private var running: [(path: String, started: Double)] = []
    let isTerminal: Bool

    init(isTerminal: Bool = StandardError.isTerminal) {
        self.isTerminal = isTerminal
        line = ProgressLine(isTerminal: isTerminal)
    }

    func started(_ path: String) {
        lock.withLock { running.append((path, ProgressLine.now())) }
        if isTerminal { line.show(phase: "running") { [self] in liveText() } }
    }

    func finished(_ path: String, line text: String) {
        let empty = lock.withLock { () -> Bool in
            running.removeAll { $0.path == path }
            return running.isEmpty
        }
        let coloured = isTerminal ? (text.hasPrefix("✓") || text.hasPrefix("passed") ? text.green : text.red) : text
        line.printAbove(coloured + "\n", toStandardError: true)
        if empty { line.clear() }
    }

    /// Erases the live line for good.
    func end() { line.stop() }

    private func liveText() -> String {
        let now = ProgressLine.now()
        let parts = lock.withLock { running.map { "\(URL(fileURLWithPath: $0.path).lastPathComponent) \(Clock.text(now - $0.started))" } }
        return parts.isEmpty ? "" : "running " + parts.joined(separator: " · ")
    }
}
