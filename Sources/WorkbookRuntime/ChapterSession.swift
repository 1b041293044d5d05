#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the engine's generated chapter program calls (never chapter code): cell boundaries and
/// inline values. Outside the engine every call is harmless.
public enum ChapterSession {
    /// First statement of the generated program: unbuffered stdout, so output printed before a
    /// crash reaches the engine; then the channel is opened (and its environment removed).
    public static func start() {
        setvbuf(stdout, nil, _IONBF, 0)
        if EngineChannel.shared != nil { ParentWatch.killMeWithParent() }
    }

    /// Marks the start of cell `index` in stdout, stderr and the channel. The stream markers let
    /// the engine split each stream by cell exactly, whatever the pipes' relative timing.
    public static func beginCell(_ index: Int) {
        guard let channel = EngineChannel.shared else { return }
        fflush(stdout)
        fflush(stderr)
        // The state after every cell before this one, kept for the kernel (when it asked).
        Checkpoints.atBoundary(before: index, channel: channel)
        let marker = Array(streamMarker(nonce: channel.nonce, cell: index).utf8)
        writeAll(1, marker)
        writeAll(2, marker)
        channel.send(kind: "C", fields: [String(index), String(monotonicNanoseconds())], payload: [])
    }

    /// Last statement of the generated program: every cell ran to its end.
    public static func end() {
        guard let channel = EngineChannel.shared else { return }
        fflush(stdout)
        fflush(stderr)
        channel.send(kind: "X", fields: [String(monotonicNanoseconds())], payload: [])
    }

    /// Stream markers for inline expression `i` carry `inlineStreamBase + i`, so what it prints
    /// (a trap message, say) is kept apart from the cells. The engine uses the same number.
    public static let inlineStreamBase = 90_000_000

    /// Inline expression `index` is about to be evaluated: the cell before it has ended.
    public static func beginInline(_ index: Int) {
        guard let channel = EngineChannel.shared else { return }
        fflush(stdout)
        fflush(stderr)
        let marker = Array(streamMarker(nonce: channel.nonce, cell: inlineStreamBase + index).utf8)
        writeAll(1, marker)
        writeAll(2, marker)
        channel.send(kind: "J", fields: [String(index), String(monotonicNanoseconds())], payload: [])
    }

    /// Sends the value of inline expression `index` as text (`String(describing:)`).
    public static func inline<Value>(_ index: Int, _ value: Value) {
        let text = String(describing: value)
        guard let channel = EngineChannel.shared else { return }
        channel.send(kind: "I", fields: [String(index)], payload: Array(text.utf8))
    }

    /// `RS WB <nonce> : <8-digit cell> LF` — fixed length, so the engine can find it across reads.
    /// The engine builds the same bytes (keep the two in step).
    public static func streamMarker(nonce: String, cell: Int) -> String {
        var digits = String(cell)
        digits = String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        return "\u{1E}WB\(nonce):\(digits)\n"
    }
}
