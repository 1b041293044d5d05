#if canImport(Glibc)
import Glibc
#endif

/// The one line that says why a cell stopped: the Swift runtime's own message when it printed
/// one (`Fatal error: Index out of range`), else the signal or exit status.
enum TrapMessage {
    static let runtimeMessages = ["Fatal error", "Precondition failed", "Assertion failed"]

    static func describe(exit: ProcessExit, stderr: String) -> String {
        for line in stderr.split(separator: "\n").reversed() {
            for keyword in runtimeMessages {
                if let range = line.range(of: keyword) { return String(line[range.lowerBound...]) }
            }
        }
        switch exit {
        case .signaled(let number): return "killed by signal \(number) (\(name(of: number)))"
        case .exited(let status): return "the program exited with status \(status) before the chapter ended"
        }
    }

    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGILL: return "SIGILL"
        case SIGTRAP: return "SIGTRAP"
        case SIGABRT: return "SIGABRT"
        case SIGBUS: return "SIGBUS"
        case SIGFPE: return "SIGFPE"
        case SIGKILL: return "SIGKILL"
        case SIGSEGV: return "SIGSEGV"
        case SIGTERM: return "SIGTERM"
        case SIGPIPE: return "SIGPIPE"
        default: return "signal \(signal)"
        }
    }
}
