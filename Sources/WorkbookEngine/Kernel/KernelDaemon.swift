import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The kernel between command invocations, as Gradle's daemon is: one background process per
/// user, course folder and `workbook` build, started on first use, holding the checkpoints.
/// Commands send it a chapter's plan over a Unix socket (mode 0600, in a 0700 folder of this
/// user's) and get the result back; it exits after an idle time or on `workbook kernel stop`.
/// A daemon that is missing or dies costs only speed: the command runs the chapter itself.
public enum KernelDaemon {
    /// What a command asks.
    struct Request: Codable {
        enum Kind: String, Codable { case run, status, stop }
        var kind: Kind
        var plan: ExecutionPlan?
        var chapter: Chapter?
        var toolchain: Toolchain?
        var options: RunOptions?
    }

    struct Reply: Codable {
        var result: ChapterResult?
        var status: Status?
    }

    /// `workbook kernel status`.
    public struct Status: Codable, Sendable {
        public var pid: Int32
        public var folder: String
        public var secondsUp: Double
        public var idleTimeout: Double
        public var checkpoints: Int
        public var privateBytes: Int
        public var fullRuns: Int
        public var resumedRuns: Int
        public var fallbacks: Int
    }

    /// Per user (`WORKBOOK_KERNEL_FOLDER` names another, so tests get daemons of their own);
    /// 0700, and refused when someone else owns it or others may enter it.
    static func socketFolder() throws -> String {
        let chosen = ProcessInfo.processInfo.environment["WORKBOOK_KERNEL_FOLDER"] ?? ""
        let folder = chosen.isEmpty ? "/tmp/workbook-kernel-\(getuid())" : chosen
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw ToolFailure("cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid(),
              info.st_mode & 0o077 == 0 else {
            throw ToolFailure("\(folder) is not a folder only this user can use")
        }
        return folder
    }

    /// The socket of the daemon for this course folder and this `workbook` build (a rebuilt
    /// `workbook` gets its own daemon; the old one idles out).
    public static func socketPath(folder: String) throws -> String {
        var hasher = SHA256()
        hasher.update(data: Data(folder.utf8 + [0]))
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            hasher.update(data: Data("\(info.st_size) \(info.st_mtim.tv_sec) \(info.st_mtim.tv_nsec) \(info.st_ino)".utf8))
        }
        let name = hasher.finalize().prefix(12).map { String(format: "%02x", $0) }.joined()
        return try socketFolder() + "/\(name).sock"
    }

    /// Runs the daemon in this process until it is idle for `idleTimeout` seconds or stopped.
    public static func serve(folder: String, idleTimeout: Double) throws {
        let path = try socketPath(folder: folder)
        if (try? KernelClient.connect(path)).map({ close($0) }) != nil { return }  // one is running
        guard let listener = listen(at: path) else { throw ToolFailure("cannot listen at \(path)") }
        var bound = stat()
        _ = lstat(path, &bound)
        let inode = bound.st_ino
        defer {
            close(listener)
            if isSocket(path, inode: inode) { unlink(path) }
            Kernel.shared.shutDown()
        }
        _ = chdir(folder)
        let started = Monotonic.seconds()
        let state = DaemonState()
        while true {
            var polls = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            _ = poll(&polls, 1, 1000)
            if state.stopRequested { return }
            if state.idleSince.map({ Monotonic.seconds() - $0 > idleTimeout }) ?? false { return }
            // A course folder that is gone (a test's scratch folder) needs no kernel.
            if state.idleSince != nil && !FileManager.default.fileExists(atPath: folder) { return }
            // Its socket removed (its folder deleted, another daemon took the path): unreachable.
            if state.idleSince != nil && !Self.isSocket(path, inode: inode) { return }
            guard polls[0].revents != 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            state.begin()
            Thread.detachNewThread {
                defer {
                    close(connection)
                    state.end()
                }
                guard let bytes = KernelClient.receive(connection),
                      let request = try? JSONDecoder().decode(Request.self, from: Data(bytes)) else { return }
                var reply = Reply()
                var stopAfterReply = false
                switch request.kind {
                case .run:
                    guard let plan = request.plan, let chapter = request.chapter, let toolchain = request.toolchain,
                          var options = request.options else { return }
                    options.kernel = .inProcess
                    reply.result = Kernel.shared.run(plan, chapter: chapter, toolchain: toolchain,
                                                     options: options, events: nil)
                case .status:
                    let statistics = Kernel.shared.statistics
                    reply.status = Status(pid: getpid(), folder: folder, secondsUp: Monotonic.seconds() - started,
                                          idleTimeout: idleTimeout, checkpoints: statistics.checkpointsHeld,
                                          privateBytes: Kernel.shared.privateBytes, fullRuns: statistics.fullRuns,
                                          resumedRuns: statistics.resumedRuns, fallbacks: statistics.fallbacks)
                case .stop:
                    stopAfterReply = true
                }
                if let data = try? JSONEncoder().encode(reply) { _ = KernelClient.send(Array(data), on: connection) }
                if stopAfterReply { state.stop() }
            }
        }
    }

    /// Whether `path` is still the socket file with this inode.
    private static func isSocket(_ path: String, inode: ino_t) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFSOCK && info.st_ino == inode
    }

    private static func listen(at path: String) -> Int32? {
        unlink(path)
        guard let fd = try? KernelClient.socket(path: path, connectInstead: false) else { return nil }
        guard chmod(path, 0o600) == 0, Glibc.listen(fd, 64) == 0 else {
            close(fd)
            return nil
        }
        return fd
    }
}

/// Requests in flight and the last time there were none.
private final class DaemonState: @unchecked Sendable {
    private let lock = NSLock()
    private var active = 0
    private var idle: Double? = Monotonic.seconds()
    private var stopping = false

    var idleSince: Double? { lock.withLock { idle } }
    var stopRequested: Bool { lock.withLock { stopping } }

    func begin() { lock.withLock { active += 1; idle = nil } }
    func end() { lock.withLock { active -= 1; if active == 0 { idle = Monotonic.seconds() } } }
    func stop() { lock.withLock { stopping = true } }
}
