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
        try AtomicWrite.makeFolder("\(siteDirectory)/assets/codemirror")
        try Self.copyCodeMirror(to: "\(siteDirectory)/assets/codemirror")
        builder = SiteBuilder(settings: .init(paths: configuration.paths, siteDirectory: siteDirectory,
                                              options: configuration.options, toolchain: configuration.toolchain,
                                              edition: configuration.student ? .student : .instructor),
                              channel: channel)
        // Loopback only: the server writes files on the reader's behalf.
        serverInstance = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: configuration.port), timeout: 3600,
                            logger: .disabled)
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

    public struct PortInUse: Error, CustomStringConvertible {
        public var port: UInt16
        public var description: String { "port \(port) is in use on 127.0.0.1: pass another with --port N" }
    }

    public func stop() async { await serverInstance.stop() }

    /// Polls what the course depends on and rebuilds when any of it changes.
    private func watch() async throws {
        let folder = CourseSite.chaptersFolder(for: configuration.paths)
        let root = (try? CourseSite.load(paths: configuration.paths).root) ?? "."
        let watcher = FileWatcher(folders: [folder, "\(root)/Data", "\(root)/theme"],
                                  files: configuration.paths.filter { !$0.hasSuffix("/") } + ["\(root)/workbook.toml",
                                         "\(configuration.toolchain.courseDirectory)/libCourse.so"])
        var last = watcher.snapshot()
        while !Task.isCancelled {
            try await Task.sleep(nanoseconds: 150_000_000)
            let now = watcher.snapshot()
            if !FileWatcher.changes(from: last, to: now).isEmpty {
                last = now
                await builder.rebuild()
            }
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
