import Foundation
import WorkbookProtocol
#if canImport(Glibc)
import Glibc
#endif

/// How chapter programs run, from `--no-sandbox` and the command.
public enum SandboxMode: String, Codable, Sendable {
    /// In the sandbox; when it cannot start here, the command stops (`grade`).
    case required
    /// In the sandbox when it can start; otherwise without it, after a warning (`build`, `run`, `check`).
    case preferred
    /// Without it (`--no-sandbox`).
    case off
}

/// Whether bubblewrap can make a sandbox on this machine, asked once per process.
public enum Sandbox {
    /// `bwrap` on PATH or in /usr/bin.
    public static let bubblewrap: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin"] where !folder.isEmpty {
            let candidate = "\(folder)/bwrap"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// nil when a sandbox starts here; otherwise why not (no bwrap, no user namespaces, …).
    public static let unavailableReason: String? = {
        guard let bwrap = bubblewrap else {
            return "bubblewrap (bwrap) is not installed (Debian: apt-get install bubblewrap)"
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit") else {
            return "util-linux's prlimit is missing (Debian: apt-get install util-linux)"
        }
        // The smallest sandbox of the real kind: every namespace, the system read-only.
        let probe = ["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                     "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin",
                     "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                     "--proc", "/proc", "--dev", "/dev", "--", "/usr/bin/true"]
        guard let run = try? ProcessRunner.run(executable: bwrap, arguments: probe) else {
            return "cannot start \(bwrap)"
        }
        guard run.exit == .exited(0) else {
            let why = String(decoding: run.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return "bwrap cannot create a sandbox here (\(why.isEmpty ? "status \(run.exit)" : why)); "
                + "user namespaces may be disabled (sysctl kernel.unprivileged_userns_clone=1)"
        }
        return nil
    }()

    /// Whether a run in `mode` goes into the sandbox; throws when it must and cannot.
    static func use(_ mode: SandboxMode) throws -> Bool {
        switch mode {
        case .off: return false
        case .preferred: return unavailableReason == nil
        case .required:
            if let reason = unavailableReason { throw WorkbookError("the sandbox cannot start: \(reason)") }
            return true
        }
    }
}

/// Starts chapter programs: the only place in the engine that does. The program gets the
/// channel's write end as descriptor 3 and the handshake pipe's read end as descriptor 4,
/// holding the run's key (never the environment); in the sandbox it runs under bubblewrap and
/// `prlimit` as `policy` says.
enum ChapterLauncher {
    /// Where a sandboxed checkpointing program finds its status socket.
    static let statusDescriptor: Int32 = 6

    /// `workingDirectory` is the course root, for a program run without the sandbox (inside
    /// it, the policy's working directory is the same folder).
    /// `kernel`: the environment and lifeline descriptor of a run that keeps kernel checkpoints.
    /// In the sandbox its checkpoints keep the sandbox alive after the run (see `Checkpoints`
    /// in WorkbookRuntime), so the run's end comes on a status socket.
    static func start(program: String, policy: SandboxPolicy?, key: [UInt8], workingDirectory: String,
                      kernel: Executor.Checkpointing? = nil) throws -> ChildProcess {
        var handshake: [Int32] = [0, 0]
        guard makePipe(&handshake) == 0 else {
            throw WorkbookError("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        // Above the descriptors the child is given (0–4), so no earlier dup2 overwrites it.
        let high = fcntl(handshake[0], F_DUPFD_CLOEXEC, 10)
        if high >= 0 {
            close(handshake[0])
            handshake[0] = high
        }
        // 16 bytes fit any pipe's buffer: written now, the end closed, the program reads it whole.
        let wrote = key.withUnsafeBytes { write(handshake[1], $0.baseAddress!, $0.count) }
        close(handshake[1])
        defer { close(handshake[0]) }
        guard wrote == key.count else { throw WorkbookError("cannot write the handshake to the chapter program") }

        let variables = [Handshake.channelVariable: String(Handshake.channelDescriptor),
                         Handshake.handshakeVariable: String(Handshake.handshakeDescriptor)]
        var passing = [(target: Handshake.handshakeDescriptor, source: handshake[0])]
        guard var policy else {
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_BACKTRACE"] = "enable=no"
            environment.merge(variables) { $1 }
            if let kernel {
                environment.merge(kernel.environment) { $1 }
                passing += kernel.inherited.map { (target: $0.key, source: $0.value) }
            }
            let folder = FileManager.default.fileExists(atPath: workingDirectory) ? workingDirectory : nil
            return try ChildProcess.spawn(executable: program, arguments: [], environment: environment,
                                          channel: true, passing: passing, workingDirectory: folder)
        }
        guard let bwrap = Sandbox.bubblewrap else { throw WorkbookError("the sandbox cannot start: bwrap is not installed") }
        policy.environment.merge(variables) { $1 }
        var status: [Int32] = [-1, -1]
        defer { if status[1] >= 0 { close(status[1]) } }
        if let kernel {
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &status) == 0 else {
                throw WorkbookError("cannot create a socket pair: \(String(cString: strerror(errno)))")
            }
            policy.environment.merge(kernel.environment) { $1 }
            policy.environment["WORKBOOK_KERNEL_STATUS_FD"] = String(Self.statusDescriptor)
            policy.kernelSockets = kernel.sockets
            policy.kernelLibraries = kernel.libraries
            passing += kernel.inherited.map { (target: $0.key, source: $0.value) }
            passing.append((target: Self.statusDescriptor, source: status[1]))
        }
        var child: ChildProcess
        do {
            let arguments = BubblewrapCommand.arguments(policy), spawnPassing = passing
            let start = {
                try ChildProcess.spawn(executable: bwrap, arguments: arguments,
                                       environment: ProcessInfo.processInfo.environment,
                                       channel: true, passing: spawnPassing)
            }
            // --die-with-parent follows the thread that started bubblewrap (PR_SET_PDEATHSIG):
            // a sandbox holding checkpoints must outlive the request thread that ran it.
            child = try kernel == nil ? start() : LongLivedThread.shared.run(start)
        } catch {
            if status[0] >= 0 { close(status[0]) }
            throw error
        }
        child.reportsSignalsAsStatus = true
        child.checkpointStatus = status[0]
        return child
    }
}

/// One thread that lives as long as the process, to start what must not die with the thread
/// that asked for it (see `ChapterLauncher.start`).
final class LongLivedThread: @unchecked Sendable {
    static let shared = LongLivedThread()
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []

    private init() {
        let thread = Thread { [unowned self] in
            while true {
                condition.lock()
                while jobs.isEmpty { condition.wait() }
                let job = jobs.removeFirst()
                condition.unlock()
                job()
            }
        }
        thread.name = "workbook long-lived spawner"
        thread.start()
    }

    /// Runs `body` on that thread and waits for it.
    func run<T>(_ body: @escaping () throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<T, Error>?
        condition.lock()
        jobs.append {
            outcome = Result { try body() }
            done.signal()
        }
        condition.signal()
        condition.unlock()
        done.wait()
        return try outcome!.get()
    }
}
