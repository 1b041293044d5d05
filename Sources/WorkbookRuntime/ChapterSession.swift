#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WorkbookProtocol

/// What the engine's generated glue calls, never chapter code: cell boundaries and inline values.
///
/// Chapter code cannot make these calls. `start()` hands out the one session object, once, as
/// the generated program's first statement, before any chapter code runs; the glue keeps it in a
/// global whose name is chosen at random for each compile, so chapter code (written before the
/// name existed) cannot name it, and a second `start()` traps. The methods work only on that
/// object. What is left is the attack this cannot stop: code that scans its own memory for the
/// object or the key (see README, "Sandbox and trust").
public final class ChapterSession {
    nonisolated(unsafe) private static var issued: ChapterSession?
    private let channel: EngineChannel?

    private init(channel: EngineChannel?) {
        self.channel = channel
    }

    /// First statement of the generated program: buffered stdout that a crash still writes out
    /// (`OutputBuffer`), the handshake read, the session handed out. Traps when called again.
    public static func start() -> ChapterSession {
        guard issued == nil else { fatalError("ChapterSession.start() is for the generated program, once") }
        OutputBuffer.install()
        let channel = EngineChannel.connect()
        EngineChannel.shared = channel
        if channel != nil { ParentWatch.killMeWithParent() }
        let session = ChapterSession(channel: channel)
        issued = session
        return session
    }

    /// The channel, only for the session `start()` handed out.
    private var live: EngineChannel? {
        guard self === Self.issued else { fatalError("not the generated program's session") }
        return channel
    }

    /// Marks the start of cell `index` in stdout, stderr and the channel. The stream markers let
    /// the engine split each stream by cell exactly, whatever the pipes' relative timing.
    public func beginCell(_ index: Int) {
        guard let channel = live else { return }
        // The state after every cell before this one, kept for the kernel when it asked.
        fflush(stdout)
        fflush(stderr)
        Checkpoints.atBoundary(before: index, channel: channel)
        channel.markStreams(cell: index)
        channel.send(.cellBegin, fields: [index, monotonicNanoseconds()], payload: [])
    }

    /// Last statement of the generated program: every cell ran to its end.
    public func end() {
        guard let channel = live else { return }
        fflush(stdout)
        fflush(stderr)
        channel.send(.end, fields: [monotonicNanoseconds()], payload: [])
    }

    /// Inline expression `index` is about to be evaluated: the cell before it has ended. Its
    /// output is filed under `StreamMarker.inlineStreamBase + index`.
    public func beginInline(_ index: Int) {
        guard let channel = live else { return }
        channel.markStreams(cell: StreamMarker.inlineStreamBase + index)
        channel.send(.inlineBegin, fields: [index, monotonicNanoseconds()], payload: [])
    }

    /// Sends the value of inline expression `index` as text (`String(describing:)`).
    public func inline<Value>(_ index: Int, _ value: Value) {
        guard let channel = live else { return }
        channel.send(.inlineValue, fields: [index],
                     payload: clipped(String(describing: value), to: ProtocolLimits.inlineValueBytes))
    }
}
