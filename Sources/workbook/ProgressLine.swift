import Foundation

/// The live status line on stderr (`cell 3 of 12 · 14 s of 60 s limit`). On a terminal it
/// is redrawn in place every half second by its own thread, so the clock moves while a cell
/// runs, and it is erased before anything else prints and drawn again under it. Elsewhere (a
/// log, a pipe) it writes a plain line when the phase changes, and `still running: …` every
/// 10 s while it does not.
final class ProgressLine: @unchecked Sendable {
    private let isTerminal: Bool
    private let lock = NSLock()
    private var status: (() -> String)?
    private var shown = false
    private var lastPlainLine = ""
    private var ticker: Thread?
    private var lastPlainTime = 0.0
    /// Seconds between `still running` lines when stderr is not a terminal.
    static let plainInterval = 10.0
    private var stopped = false

    init(isTerminal: Bool = StandardError.isTerminal) {
        self.isTerminal = isTerminal
    }

    /// Sets what the line says; `text` is asked again at every redraw (for the clock).
    /// `phase` names the state for plain output: a plain line is written when it changes.
    func show(phase: String, _ text: @escaping () -> String) {
        lock.withLock {
            status = text
            if isTerminal {
                draw()
                startTicker()
            } else if phase != lastPlainLine {
                StandardError.writeLine(text())
                lastPlainLine = phase
                lastPlainTime = Self.now()
                startTicker()
            }
        }
    }

    func show(_ text: String, phase: String) { show(phase: phase) { text } }

    /// Prints `output` (already ending in a newline) above the live line: the line is erased,
    /// the output written, and the line drawn again under it.
    func printAbove(_ output: String, toStandardError: Bool = false) {
        lock.withLock {
            eraseLocked()
            if toStandardError {
                StandardError.write(output)
            } else {
                FileHandle.standardOutput.write(Data(output.utf8))
            }
            if isTerminal, status != nil { draw() }
        }
    }

    /// Erases the line and stops redrawing it.
    func clear() {
        lock.withLock {
            eraseLocked()
            status = nil
        }
    }

    /// Stops the ticker thread for good (the command is ending).
    func stop() {
        clear()
        lock.withLock { stopped = true }
    }

    private func draw() {
        guard let status else { return }
        StandardError.write("\r\u{1B}[K" + status())
        shown = true
    }

    private func eraseLocked() {
        guard isTerminal, shown else { return }
        StandardError.write("\r\u{1B}[K")
        shown = false
    }

    private func startTicker() {
        guard ticker == nil else { return }
        let thread = Thread { [weak self] in
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                guard let self else { return }
                let done = self.lock.withLock { () -> Bool in
                    if self.stopped { return true }
                    guard let status = self.status else { return false }
                    if self.isTerminal {
                        self.draw()
                    } else if Self.now() - self.lastPlainTime >= Self.plainInterval {
                        StandardError.writeLine("still running: " + status())
                        self.lastPlainTime = Self.now()
                    }
                    return false
                }
                if done { return }
            }
        }
        ticker = thread
        thread.start()
    }
}

extension ProgressLine {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// `12 s`, `1 min 05 s`: elapsed and limit times on the live line.
enum Clock {
    static func text(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        return whole < 60 ? "\(whole) s" : String(format: "%d min %02d s", whole / 60, whole % 60)
    }
}
