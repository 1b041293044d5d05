import FlyingFox
import FlyingSocks
import Foundation
import WorkbookEngine

/// `workbook serve`: the book on http://127.0.0.1:PORT, rebuilt when a chapter, a data file,
/// the theme or the Course library changes, with every open page told over a WebSocket.
/// Exercises are edited in the page and saved back into their `.md` file.
public final class BookServer: Sendable {
    public struct Configuration: Sendable {
        public var paths: [String]
        public var port: UInt16
        public var student: Bool
        public var options: RunOptions
        public var toolchain: Toolchain

        public init(paths: [String], port: UInt16, student: Bool, options: RunOptions, toolchain: Toolchain) {
            self.paths = paths
            self.port = port
            self.student = student
            self.options = options
            self.toolchain = toolchain
        }
    }

    /// Where Debian's libjs-codemirror puts CodeMirror 5.
    public static let codeMirrorDirectory = "/usr/share/javascript/codemirror"

    let configuration: Configuration
    let channel = LiveChannel()
    let builder: SiteBuilder
    let siteDirectory: String
    let serverInstance: HTTPServer

    /// Checks the paths (missing → bad input) and prepares the site folder; binds nothing yet.
    public init(_ configuration: Configuration) throws {
        self.configuration = configuration
        _ = try ChapterDiscovery.chapterFiles(for: configuration.paths)
        let site = try CourseSite.load(paths: configuration.paths)
        siteDirectory = "\(site.root)/Output/" + (configuration.student ? ".serve-student" : ".serve")
        // A port in use is bad input, told before the first build (which may take minutes).
        try Self.requirePortFree(configuration.port)
        try AtomicWrite.makeFolder("\(siteDirectory)/assets/codemirror")
        try Self.copyCodeMirror(to: "\(siteDirectory)/assets/codemirror")
        let folder = CourseSite.chaptersFolder(for: configuration.paths)
        let watcher = FileWatcher(folders: [folder, "\(site.root)/Data", "\(site.root)/theme"],
                                  files: configuration.paths.filter { !$0.hasSuffix("/") }
                                      + ["\(site.root)/workbook.toml", "\(configuration.toolchain.courseDirectory)/libCourse.so"])
        builder = SiteBuilder(settings: .init(paths: configuration.paths, siteDirectory: siteDirectory,
                                              options: configuration.options, toolchain: configuration.toolchain,
                                              edition: configuration.student ? .student : .instructor),
                              channel: channel, watcher: watcher)
        // Loopback only: the server writes files on the reader's behalf.
        serverInstance = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: configuration.port), timeout: 3600,
                            logger: .disabled)
    }

    /// Binds the port once and lets go (FlyingFox binds only when it runs, after the first
    /// build): `EADDRINUSE` becomes `PortInUse` at once.
    static func requirePortFree(_ port: UInt16) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var yes: Int32 = 1
        // As the server itself binds: a port left in TIME_WAIT by a previous run is free.
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if bound != 0 && errno == EADDRINUSE { throw PortInUse(port: port) }
    }

    public var url: String { "http://127.0.0.1:\(configuration.port)/" }

    /// Builds once, starts listening, then watches until the task is cancelled. A port in use
    /// throws `PortInUse` before anything is served.
    public func run(ready: @Sendable @escaping () -> Void = {}) async throws {
        await builder.rebuild()
        await addRoutes()
        let server = self.serverInstance
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do { try await server.run() } catch let error as SocketError {
                    if case .failed(type: _, errno: EADDRINUSE, message: _) = error { throw PortInUse(port: self.configuration.port) }
                    throw error
                }
            }
            group.addTask {
                try await server.waitUntilListening(timeout: 10)
                ready()
                try await self.watch()
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Bad input (exit status 2): printed as `error: port N is in use …`.
    public struct PortInUse: Error, CustomStringConvertible {
        public var port: UInt16
        public var description: String { "port \(port) is in use on 127.0.0.1: pass another with --port N" }
    }

    public func stop() async { await serverInstance.stop() }

    /// Polls what the course depends on (every 20 ms: a few dozen `stat` calls) and rebuilds
    /// when any of it differs from what the latest build saw.
    private func watch() async throws {
        while !Task.isCancelled {
            try await Task.sleep(nanoseconds: 20_000_000)
            if await builder.builtSnapshot != builder.watcher.snapshot() { await builder.rebuild() }
        }
    }

    private static func copyCodeMirror(to destination: String) throws {
        for (from, to) in [("lib/codemirror.js", "codemirror.js"), ("lib/codemirror.css", "codemirror.css"),
                           ("mode/swift/swift.js", "swift.js")] {
            let source = URL(fileURLWithPath: "\(codeMirrorDirectory)/\(from)").resolvingSymlinksInPath().path
            guard let data = FileManager.default.contents(atPath: source) else {
                throw ToolFailure("CodeMirror is not installed at \(codeMirrorDirectory) (apt-get install libjs-codemirror)")
            }
            try AtomicWrite.write(Array(data), to: "\(destination)/\(to)")
        }
    }
}
