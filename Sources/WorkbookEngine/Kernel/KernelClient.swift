import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A command's side of the kernel daemon (see `KernelDaemon`): runs chapters through it,
/// starting it when none answers, and runs them itself when it cannot be reached.
public struct DaemonRunner: ChapterRunner {
    /// The course folder the daemon serves (the command's working folder).
    public var folder: String
    public var idleTimeout: Double

    public init(folder: String, idleTimeout: Double) {
        self.folder = folder
        self.idleTimeout = idleTimeout
    }

    public func run(_ plan: ExecutionPlan, chapter: Chapter, toolchain: Toolchain, options: RunOptions,
                    events: (@Sendable (RunEvent) -> Void)?) -> ChapterResult {
        var local = options
        local.kernel = .inProcess
        // Live progress (`workbook run`) needs the run in this process.
        guard events == nil, let connection = KernelClient.connectOrStart(folder: folder, idleTimeout: idleTimeout) else {
            return Kernel.shared.run(plan, chapter: chapter, toolchain: toolchain, options: local, events: events)
        }
        defer { close(connection) }
        let request = KernelDaemon.Request(kind: .run, plan: plan, chapter: chapter, toolchain: toolchain, options: local)
        guard let data = try? JSONEncoder().encode(request), KernelClient.send(Array(data), on: connection),
              let reply = KernelClient.receive(connection),
              let decoded = try? JSONDecoder().decode(KernelDaemon.Reply.self, from: Data(reply)),
              let result = decoded.result, result.cells.count == plan.cells.count else {
            // The daemon died or answered nonsense: this costs speed, never a result.
            return Kernel.shared.run(plan, chapter: chapter, toolchain: toolchain, options: local, events: events)
        }
        return result
    }
}

public enum KernelClient {
    /// The running daemon's status, or nil when none runs for this folder.
    public static func status(folder: String) -> KernelDaemon.Status? {
        ask(.status, folder: folder)?.status
    }

    /// Stops the daemon for this folder; false when none was running.
    @discardableResult
    public static func stop(folder: String) -> Bool {
        ask(.stop, folder: folder) != nil
    }

    private static func ask(_ kind: KernelDaemon.Request.Kind, folder: String) -> KernelDaemon.Reply? {
        guard let path = try? KernelDaemon.socketPath(folder: folder), let connection = try? connect(path) else { return nil }
        defer { close(connection) }
        guard let data = try? JSONEncoder().encode(KernelDaemon.Request(kind: kind)), send(Array(data), on: connection),
              let reply = receive(connection) else { return nil }
        return try? JSONDecoder().decode(KernelDaemon.Reply.self, from: Data(reply))
    }

    static func connectOrStart(folder: String, idleTimeout: Double) -> Int32? {
        guard let path = try? KernelDaemon.socketPath(folder: folder) else { return nil }
        if let connection = try? connect(path) { return connection }
        guard startDaemon(folder: folder, idleTimeout: idleTimeout) else { return nil }
        let deadline = Monotonic.seconds() + 5
        while Monotonic.seconds() < deadline {
            if let connection = try? connect(path) { return connection }
            usleep(20_000)
        }
        return nil
    }

    /// `workbook kernel serve`, detached: its own session (no terminal or process-group signal
    /// of the command's reaches it), stdin from /dev/null, stdout and stderr appended to a log
    /// beside its socket, and no other descriptor of the command's. That last point matters: a
    /// waiter such as Foundation's `Process` learns that the command ended when the last copy
    /// of a socket it gave the command closes, so a daemon holding one keeps the waiter hanging.
    private static func startDaemon(folder: String, idleTimeout: Double) -> Bool {
        // Without closefrom (glibc before 2.34) the daemon could inherit anything: no daemon then.
        guard let closeFrom = closeFromSymbol,
              let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              let socket = try? KernelDaemon.socketPath(folder: folder) else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, String(socket.dropLast(5)) + ".log",
                                         O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard unsafeBitCast(closeFrom, to: CloseFrom.self)(&actions, 3) == 0 else { return false }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(0x80 /* POSIX_SPAWN_SETSID */ | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let arguments = [executable, "kernel", "serve", "--folder", folder, "--idle-timeout", String(idleTimeout)]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var spawned: pid_t = 0
        guard posix_spawn(&spawned, executable, &actions, &attributes, argv, envp) == 0 else { return false }
        let pid = spawned
        // Never waited for by the command (it is reparented when the command exits); a thread
        // reaps it only if it ends first, so no zombie is left in a long-lived command (`serve`).
        Thread.detachNewThread {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        return true
    }

    static func connect(_ path: String) throws -> Int32 {
        try socket(path: path, connectInstead: true)
    }

    /// A Unix stream socket bound to, or connected to, `path`.
    static func socket(path: String, connectInstead: Bool) throws -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw ToolFailure("socket path too long: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = byte }
            buffer[bytes.count] = 0
        }
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ToolFailure("cannot create a socket") }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connectInstead ? Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                    : bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard status == 0 else {
            close(fd)
            throw ToolFailure("cannot \(connectInstead ? "connect to" : "bind") \(path)")
        }
        return fd
    }

    /// A message: its length in decimal and a newline, then its bytes.
    static func send(_ bytes: [UInt8], on fd: Int32) -> Bool {
        let framed = Array("\(bytes.count)\n".utf8) + bytes
        var offset = 0
        while offset < framed.count {
            let written = framed[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    /// At most 1 GiB: more is not a message of ours.
    static func receive(_ fd: Int32) -> [UInt8]? {
        var header: [UInt8] = []
        var byte: UInt8 = 0
        while header.count < 12 {
            let count = read(fd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return nil }
            if byte == 10 { break }
            header.append(byte)
        }
        guard let length = Int(String(decoding: header, as: UTF8.self)), length >= 0, length < 1 << 30 else { return nil }
        var bytes = [UInt8](repeating: 0, count: length)
        var offset = 0
        while offset < length {
            let count = bytes[offset...].withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return nil }
            offset += count
        }
        return bytes
    }
}

private let closeFromSymbol: UnsafeMutableRawPointer? = dlsym(UnsafeMutableRawPointer(bitPattern: 0),
                                                              "posix_spawn_file_actions_addclosefrom_np")
