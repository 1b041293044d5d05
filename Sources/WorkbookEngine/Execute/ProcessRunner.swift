import Foundation
import WorkbookProtocol
#if canImport(Glibc)
import Glibc
#endif

/// How a child process ended.
enum ProcessExit: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)
}

/// Which pipe a chunk of child output came from.
enum ChildStream: Int, Sendable {
    case stdout = 0, stderr = 1, channel = 2
}

/// A child started with posix_spawn in its own process group (so a kill reaches everything it
/// started), stdin from /dev/null, and stdout, stderr and optionally the engine channel piped.
struct ChildProcess {
    let pid: pid_t
    /// Read ends, indexed by `ChildStream.rawValue`; the channel is -1 when not asked for.
    let readEnds: [Int32]
    /// A run forked from a kernel checkpoint is not our child: the checkpoint holding it tells its
    /// end on this socket (`exit STATUS`), -1 for a child we spawned.
    var statusSocket: Int32 = -1
    /// A sandboxed run that keeps kernel checkpoints: the sandbox lives on with them after the
    /// run, so the run's end is read here (`exit STATUS`, from the checkpoint whose fork ran the
    /// cells), or is the sandbox's own when it ended first. -1 otherwise.
    var checkpointStatus: Int32 = -1
    /// bubblewrap reports a program killed by signal N as exit status 128 + N: read it so.
    var reportsSignalsAsStatus = false

    static let leftoverGrace = 0.5
    static let exitCheckInterval = 0.25

    /// The descriptor number the channel has in the child.
    static let channelDescriptor: Int32 = Handshake.channelDescriptor
    /// Above every descriptor a child is handed (channel 3, handshake 4, lifeline 5, status 6).
    static let firstFreeDescriptor: Int32 = 10

    /// `environment` replaces the engine's own when given; `passing` dup2s further descriptors
    /// of the engine (`source`) into the child (`target`).
    static func spawn(executable: String, arguments: [String], extraEnvironment: [String: String] = [:],
                      environment replacement: [String: String]? = nil, channel: Bool = false,
                      passing: [(target: Int32, source: Int32)] = [],
                      workingDirectory: String? = nil) throws -> ChildProcess {
        var pipes: [(read: Int32, write: Int32)] = []
        defer { for pipe in pipes { close(pipe.write) } }
        for _ in 0..<(channel ? 3 : 2) {
            var ends: [Int32] = [0, 0]
            // O_CLOEXEC: other threads spawning at the same time must not inherit our pipes.
            guard makePipe(&ends) == 0 else {
                for pipe in pipes { close(pipe.read) }
                throw WorkbookError("cannot create a pipe: \(String(cString: strerror(errno)))")
            }
            pipes.append((ends[0], ends[1]))
        }

        // Every source above every target: a source that is itself a target (dup2(5, 5) keeps
        // close-on-exec, so the child would not get it) or that an earlier dup2 overwrites
        // would hand the child the wrong descriptor, or none. Copies, closed after the spawn.
        var copies: [Int32] = []
        defer { for fd in copies { close(fd) } }
        let targets = Set([0, 1, 2, channelDescriptor] + passing.map(\.target))
        func lifted(_ fd: Int32) -> Int32 {
            guard fd < Self.firstFreeDescriptor || targets.contains(fd) else { return fd }
            let copy = fcntl(fd, F_DUPFD_CLOEXEC, max(Self.firstFreeDescriptor, (targets.max() ?? 0) + 1))
            guard copy >= 0 else { return fd }
            copies.append(copy)
            return copy
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let passes = passing.map { (target: $0.target, source: lifted($0.source)) }
        let writeEnds = pipes.map { lifted($0.write) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (target, write) in writeEnds.enumerated() {
            // dup2 clears close-on-exec on the target, so exactly these reach the child.
            posix_spawn_file_actions_adddup2(&actions, write, target == 2 ? channelDescriptor : Int32(target + 1))
        }
        for pass in passes { posix_spawn_file_actions_adddup2(&actions, pass.source, pass.target) }
        if let workingDirectory {
            guard let addChdir = addChdirSymbol else { throw WorkbookError("cannot set a child's working directory here") }
            typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
            _ = workingDirectory.withCString { unsafeBitCast(addChdir, to: AddChdir.self)(&actions, $0) }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var environment = replacement ?? ProcessInfo.processInfo.environment
        for (key, value) in extraEnvironment { environment[key] = value }
        let environmentLines = environment.map { "\($0.key)=\($0.value)" }.sorted()
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environmentLines.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            for pipe in pipes { close(pipe.read) }
            throw WorkbookError("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        RunningPrograms.started(pid)
        var readEnds = pipes.map(\.read)
        if !channel { readEnds.append(-1) }
        return ChildProcess(pid: pid, readEnds: readEnds)
    }

    /// Reads every pipe until all are closed, handing each chunk to `onOutput` as it arrives, so
    /// no pipe fills up and blocks the child. `deadline` (monotonic seconds, asked again after
    /// each chunk) bounds the run: past it, the whole process group is killed and `onTimeout`
    /// called once. Returns how the child ended.
    func pump(deadline: () -> Double? = { nil }, onTimeout: () -> Void = {},
              onOutput: (ChildStream, ArraySlice<UInt8>) -> Void) -> ProcessExit {
        var open = readEnds.enumerated().filter { $0.element >= 0 }.map { (stream: ChildStream(rawValue: $0.offset)!, fd: $0.element) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var killed = false
        // When the program has ended but something it started still holds a pipe open, that
        // leftover gets a moment to finish writing, then the group is killed: no waiting for it.
        var leftoverDeadline: Double?
        // A process that left the group (its own session, say) survives the kill; once the group
        // is killed the pipes get a moment more, then they are closed on it.
        var abandonAt: Double?
        while !open.isEmpty {
            let now = Monotonic.seconds()
            if killed && abandonAt == nil { abandonAt = now + Self.leftoverGrace }
            if let abandon = abandonAt, abandon <= now { break }
            var wakeAt: Double? = abandonAt
            if !killed, let limit = deadline() {
                if limit <= now {
                    killRun()
                    killed = true
                    onTimeout()
                    continue
                }
                wakeAt = min(wakeAt ?? .infinity, limit)
            }
            if !killed {
                if leftoverDeadline == nil && hasExited() { leftoverDeadline = now + Self.leftoverGrace }
                if let leftover = leftoverDeadline, leftover <= now {
                    killRun()
                    killed = true
                    continue
                }
                // Look again for the program's end now and then while it runs.
                wakeAt = min(wakeAt ?? .infinity, leftoverDeadline ?? now + Self.exitCheckInterval)
            }
            let waitMilliseconds = wakeAt.map { Int32(min(max(0, $0 - now) * 1000 + 1, 60_000)) } ?? -1
            var polls = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            // A sandbox holding checkpoints keeps the pipes open after the run (bubblewrap holds
            // them too): the run's end is its status line. Everything the run wrote is in the
            // pipes by then; read it, and stop.
            if checkpointStatus >= 0 && !killed {
                polls.append(pollfd(fd: checkpointStatus, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&polls, nfds_t(polls.count), waitMilliseconds)
            if ready < 0 && errno != EINTR { break }
            if ready <= 0 { continue }
            if polls.count > open.count, polls[open.count].revents != 0 {
                drain(open, into: onOutput)
                break
            }
            var closed: [Int32] = []
            for (slot, entry) in polls.enumerated() where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress!, $0.count) }
                if count > 0 {
                    onOutput(open[slot].stream, buffer[0..<count])
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    closed.append(entry.fd)
                }
            }
            for fd in closed { close(fd) }
            open.removeAll { closed.contains($0.fd) }
        }
        for entry in open { close(entry.fd) }
        // Anything the program left behind in its group goes too (a sandbox holding checkpoints
        // stays, unless the run was killed: then the checkpoints went with it).
        if checkpointStatus < 0 || killed { killRun() }
        let status = reap()
        RunningPrograms.ended(pid)
        let signal = status & 0x7f
        let code = (status >> 8) & 0xff
        if signal == 0 && reportsSignalsAsStatus && code > 128 && code < 128 + 65 { return .signaled(code - 128) }
        return signal == 0 ? .exited(code) : .signaled(signal)
    }
}

extension ChildProcess {
    /// Reads what is waiting in the pipes now, without waiting for more.
    private func drain(_ open: [(stream: ChildStream, fd: Int32)], into onOutput: (ChildStream, ArraySlice<UInt8>) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var more = true
        while more {
            more = false
            var polls = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            guard poll(&polls, nfds_t(polls.count), 0) > 0 else { return }
            for (slot, entry) in polls.enumerated() where entry.revents & Int16(POLLIN) != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress!, $0.count) }
                if count > 0 {
                    onOutput(open[slot].stream, buffer[0..<count])
                    more = true
                }
            }
        }
    }

    /// Kills the run and whatever it started. A run forked from a checkpoint is killed by its
    /// checkpoint (asked on the status socket): its pid may be one of a sandbox's PID namespace,
    /// which means another process out here.
    func killRun() {
        if statusSocket >= 0 {
            _ = Array("KILL\n".utf8).withUnsafeBytes { send(statusSocket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            return
        }
        killpg(pid, SIGKILL)
    }

    /// Whether the child has ended, without reaping it (so its process group id stays its own
    /// until `pump` has killed the group).
    func hasExited() -> Bool {
        if statusSocket >= 0 || checkpointStatus >= 0 {
            var polls = [pollfd(fd: statusSocket >= 0 ? statusSocket : checkpointStatus, events: Int16(POLLIN), revents: 0)]
            if poll(&polls, 1, 0) > 0 { return true }
            if statusSocket >= 0 { return false }
        }
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_signo == SIGCHLD
    }

    /// waitpid's raw status; for a forked run, as its checkpoint reports it (a checkpoint that
    /// died meanwhile reads as killed).
    private func reap() -> Int32 {
        var status: Int32 = 0
        if statusSocket >= 0 {
            defer { close(statusSocket) }
            var line: [UInt8] = []
            var byte: UInt8 = 0
            while line.last != 10 {
                let count = read(statusSocket, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return SIGKILL }
                line.append(byte)
            }
            let text = String(decoding: line.dropLast(), as: UTF8.self)
            guard text.hasPrefix("exit "), let value = Int32(text.dropFirst(5)) else { return SIGKILL }
            return value
        }
        if checkpointStatus >= 0 {
            defer { close(checkpointStatus) }
            var line: [UInt8] = []
            var byte: UInt8 = 0
            while line.last != 10 {
                var polls = [pollfd(fd: checkpointStatus, events: Int16(POLLIN), revents: 0)]
                if poll(&polls, 1, 50) == 0 {
                    if hasEnded() { break }
                    continue
                }
                let count = read(checkpointStatus, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                line.append(byte)
            }
            let text = String(decoding: line.dropLast(), as: UTF8.self)
            if line.last == 10, text.hasPrefix("exit "), let value = Int32(text.dropFirst(5)) {
                // The sandbox lives on with the checkpoints; reaped whenever it ends.
                let sandbox = pid
                Thread.detachNewThread {
                    var ignored: Int32 = 0
                    while waitpid(sandbox, &ignored, 0) < 0 && errno == EINTR {}
                }
                // The status is the program's own, not bubblewrap's 128 + N.
                return value
            }
        }
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    private func hasEnded() -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_signo == SIGCHLD
    }
}

/// Runs a command to its end and collects its output (small outputs: compilers, `--version`).
enum ProcessRunner {
    struct Collected {
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        var exit: ProcessExit = .exited(0)
    }

    static func run(executable: String, arguments: [String]) throws -> Collected {
        let child = try ChildProcess.spawn(executable: executable, arguments: arguments)
        var collected = Collected()
        collected.exit = child.pump { stream, bytes in
            if stream == .stdout { collected.stdout += bytes } else { collected.stderr += bytes }
        }
        return collected
    }
}

/// pipe2(2) with O_CLOEXEC, so a child spawned by another thread meanwhile cannot inherit the
/// pipe. Glibc's header hides pipe2 from Swift (it needs _GNU_SOURCE), hence the lookup.
func makePipe(_ ends: inout [Int32]) -> Int32 {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    if let symbol = pipe2Symbol {
        return ends.withUnsafeMutableBufferPointer { unsafeBitCast(symbol, to: Pipe2.self)($0.baseAddress!, O_CLOEXEC) }
    }
    let status = pipe(&ends)
    if status == 0 { for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) } }
    return status
}

private let pipe2Symbol: UnsafeMutableRawPointer? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2")
/// glibc ≥ 2.29; hidden from Swift like pipe2.
private let addChdirSymbol: UnsafeMutableRawPointer? = dlsym(UnsafeMutableRawPointer(bitPattern: 0),
                                                             "posix_spawn_file_actions_addchdir_np")

enum Monotonic {
    static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
