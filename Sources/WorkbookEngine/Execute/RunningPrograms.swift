import Foundation

/// Every program the engine started and has not reaped yet. Each runs in a process group of
/// its own (so a timeout kills all it started), which also means a terminal's Ctrl-C does not
/// reach it: a long-running command (`workbook serve`) kills them itself on the way out.
public enum RunningPrograms {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var groups = Set<pid_t>()

    static func started(_ pid: pid_t) { lock.lock(); groups.insert(pid); lock.unlock() }
    static func ended(_ pid: pid_t) { lock.lock(); groups.remove(pid); lock.unlock() }

    /// Kills the process group of every program still running.
    public static func killAll() {
        lock.lock()
        let all = groups
        lock.unlock()
        for pid in all { killpg(pid, SIGKILL) }
    }

    public static var count: Int { lock.lock(); defer { lock.unlock() }; return groups.count }
}
