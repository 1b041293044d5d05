import Foundation
import WorkbookRuntime

/// How training reports progress on standard error.
public enum ProgressStyle: Sendable {
    /// A redrawn bar on a terminal, plain lines otherwise (logs, the workbook's reports).
    case automatic
    /// One line redrawn in place with a carriage return.
    case bar
    /// A plain line now and then: about ten per run, plus the last.
    case lines
    /// Nothing.
    case silent
}

/// Reports progress through `total` steps on standard error.
///
/// On a terminal it redraws one line (`\r`) — a bar, the count and a message such as the
/// current loss. When standard error is a file or pipe, redrawing would leave a mess, so it
/// writes a plain line every tenth of the way instead. Standard output stays clean for results.
public final class ProgressReporter {
    /// The number of steps the run will take.
    public let total: Int
    /// What is being run, printed at the start of each line.
    public let label: String
    private let style: ProgressStyle
    private let write: (String) -> Void
    private var lastLineReported = 0
    private var lastPercentDrawn = -1
    /// `.automatic` was asked for: under `workbook`, progress goes to its live line.
    private let automatic: Bool
    private static let barWidth = 24

    /// `write` receives the text; by default it goes to standard error (tests pass their own).
    public init(total: Int, label: String = "training", style: ProgressStyle = .automatic,
                write: @escaping (String) -> Void = ProgressReporter.writeToStandardError) {
        self.total = max(total, 1)
        self.label = label
        self.write = write
        self.automatic = style == .automatic
        switch style {
        case .automatic: self.style = isatty(STDERR_FILENO) != 0 ? .bar : .lines
        default: self.style = style
        }
    }

    /// Reports that `completed` of `total` steps are done, with an optional message.
    public func update(_ completed: Int, message: String = "") {
        update(completed) { message }
    }

    /// Reports progress; `message` is only evaluated when something is written, so a training
    /// loop can call this after every step at almost no cost. Under `workbook` (style
    /// `.automatic`) it goes to the workbook's live status line instead of standard error.
    public func update(_ completed: Int, message: () -> String) {
        let done = min(completed, total)
        if automatic {
            let percent = 100 * done / total
            if percent != lastPercentDrawn || done == total,
               Notebook.progress("\(label) \(completed)/\(total) \(message())") {
                lastPercentDrawn = percent
                return
            }
        }
        switch style {
        case .bar:
            // Redraw only when the bar or the percentage moves: a terminal cannot keep up with
            // thousands of redraws a second, and nobody can read them.
            let percent = 100 * done / total
            guard percent != lastPercentDrawn || done == total else { return }
            lastPercentDrawn = percent
            let filled = Self.barWidth * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: Self.barWidth - filled)
            write("\r\(label) \(bar) \(completed)/\(total) \(message())\u{1B}[K")
            if done == total { write("\n") }
        case .lines:
            let tenth = 10 * done / total
            guard tenth > lastLineReported else { return }
            lastLineReported = tenth
            write("\(label) \(completed)/\(total) \(message())\n")
        case .silent, .automatic:
            return
        }
    }

    /// The default destination: standard error, flushed at once so a redrawn bar shows.
    public static func writeToStandardError(_ text: String) {
        fputs(text, stderr)
        fflush(stderr)
    }
}
