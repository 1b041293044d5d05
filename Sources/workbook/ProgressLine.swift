import Foundation

/// The one-line "what is running" indicator on stderr for `workbook run`. On a terminal it is
/// redrawn in place with \r and erased before anything else prints; elsewhere (a log, a pipe)
/// it writes a plain line only when the phase changes.
final class ProgressLine {
    private let isTerminal = StandardError.isTerminal
    private var shown = false
    private var lastPlainLine = ""

    func show(_ text: String, phase: String) {
        if isTerminal {
            StandardError.write("\r\u{1B}[K" + text)
            shown = true
        } else if phase != lastPlainLine {
            StandardError.writeLine(text)
            lastPlainLine = phase
        }
    }

    /// Erases the line so the next output starts at column 0.
    func clear() {
        guard isTerminal, shown else { return }
        StandardError.write("\r\u{1B}[K")
        shown = false
    }
}
