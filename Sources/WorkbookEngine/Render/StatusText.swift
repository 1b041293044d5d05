/// The words (and a symbol) for each status, shared by pages and the terminal so both say the
/// same thing. Words carry the meaning; colour and symbols only reinforce it.
public enum StatusText {
    /// A short tag for a cell; nil for a cell that simply ran (nothing to point out).
    public static func tag(_ status: CellStatus) -> String? {
        switch status {
        case .ok: return nil
        case .skipped: return "not run (skip)"
        case .notRun: return "not run"
        case .compileError: return "compile error"
        case .crashed: return "crashed"
        case .timedOut: return "timed out"
        case .failedToCompileAsExpected: return "does not compile, as intended"
        case .compiledUnexpectedly: return "compiled, but is marked compile-fail"
        }
    }

    /// One sentence explaining a cell status, for statuses a reader might not guess.
    public static func explanation(_ status: CellStatus) -> String? {
        switch status {
        case .notRun: return "An earlier cell failed, so this cell did not run."
        case .compiledUnexpectedly:
            return "This cell is marked compile-fail, but it compiled: the chapter fails."
        default: return nil
        }
    }

    public static func word(_ status: ChapterStatus) -> String {
        switch status {
        case .passed: return "passed"
        case .failedToCompile: return "failed to compile"
        case .crashed: return "crashed"
        case .timedOut: return "timed out"
        case .failed: return "failed"
        }
    }

    static func symbol(_ status: CellStatus) -> String {
        switch status {
        case .ok, .failedToCompileAsExpected: return "✓"
        case .skipped, .notRun: return "○"
        case .timedOut: return "◷"
        case .compileError, .crashed, .compiledUnexpectedly: return "✗"
        }
    }

    static func symbol(_ status: ChapterStatus) -> String {
        switch status {
        case .passed: return "✓"
        case .timedOut: return "◷"
        case .failedToCompile, .crashed, .failed: return "✗"
        }
    }

    /// CSS class fragment: `good`, `bad`, `quiet`.
    static func tone(_ status: CellStatus) -> String {
        switch status {
        case .ok, .failedToCompileAsExpected: return "good"
        case .skipped, .notRun: return "quiet"
        case .compileError, .crashed, .timedOut, .compiledUnexpectedly: return "bad"
        }
    }

    static func tone(_ status: ChapterStatus) -> String {
        status == .passed ? "good" : "bad"
    }

    /// Stable CSS class name for a status (`crashed`, `timed-out`, …).
    static func cssName(_ status: CellStatus) -> String {
        switch status {
        case .ok: return "ok"
        case .skipped: return "skipped"
        case .notRun: return "not-run"
        case .compileError: return "compile-error"
        case .crashed: return "crashed"
        case .timedOut: return "timed-out"
        case .failedToCompileAsExpected: return "compile-fail-expected"
        case .compiledUnexpectedly: return "compiled-unexpectedly"
        }
    }
}
