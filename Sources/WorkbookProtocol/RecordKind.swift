/// The kinds of record a chapter program sends the engine on its channel, what fields each
/// carries and how large its payload may be. Both sides read these from here, so the runtime
/// and the engine cannot disagree.
public enum RecordKind: String, CaseIterable, Sendable {
    /// `C index nanos`: the generated program begins cell `index`.
    case cellBegin = "C"
    /// `X nanos`: the generated program reached its end; every cell ran.
    case end = "X"
    /// `J index nanos`: inline expression `index` is about to be evaluated.
    case inlineBegin = "J"
    /// `I index`: the value of inline expression `index`; payload = its text.
    case inlineValue = "I"
    /// `D ordinal textLength`: a display; payload = text bytes then HTML bytes.
    case display = "D"
    /// `P`: a data file the chapter read; payload = its path.
    case dependency = "P"
    /// `K passed line hasValues`: one `expect…` call; payload = file, message, expected,
    /// actual separated by NUL bytes.
    case check = "K"
    /// `F cell pid`: the kernel's fork loop holds a checkpoint taken before `cell` in process `pid`.
    case checkpoint = "F"
    /// `G`: a training loop's progress for the live status line; payload = one line of text.
    /// Shown while the cell runs, never stored.
    case progress = "G"

    /// How many integer fields sit between the sequence number and the payload length.
    public var fieldCount: Int {
        switch self {
        case .cellBegin, .inlineBegin, .display, .checkpoint: return 2
        case .end, .inlineValue: return 1
        case .dependency, .progress: return 0
        case .check: return 3
        }
    }

    /// The largest payload this kind may carry. A display may be a large SVG; everything else
    /// is small, so a flood of the channel ends the program instead of filling memory.
    public var payloadLimit: Int {
        switch self {
        case .cellBegin, .end, .inlineBegin, .checkpoint: return 0
        case .inlineValue: return ProtocolLimits.inlineValueBytes
        case .display: return ProtocolLimits.displayBytes
        case .dependency: return ProtocolLimits.pathBytes
        case .check: return ProtocolLimits.checkBytes
        case .progress: return ProtocolLimits.progressBytes
        }
    }
}

/// Sizes both sides agree on.
public enum ProtocolLimits {
    /// One display (text and HTML together): 8 MiB.
    public static let displayBytes = 8 << 20
    /// One part (file, message, expected, actual) of a check record; the runtime cuts longer ones.
    public static let checkPartBytes = 16 << 10
    /// One check record: four parts and their separators.
    public static let checkBytes = 4 * checkPartBytes + 3
    /// An inline value's text; the runtime cuts longer ones.
    public static let inlineValueBytes = 64 << 10
    /// A dependency's path.
    public static let pathBytes = 4096
    /// One progress line; the runtime cuts longer ones.
    public static let progressBytes = 160
    /// A record's header line, newline included.
    public static let headerBytes = 160
}

/// How the engine hands a chapter program its channel and its secret.
public enum Handshake {
    /// The write end of the channel pipe, in the chapter program.
    public static let channelDescriptor: Int32 = 3
    /// The read end of the handshake pipe: the engine writes the run's key and closes its end,
    /// the runtime reads it once at start and closes this descriptor. Never the environment:
    /// `/proc/self/environ` keeps the environment a process started with.
    public static let handshakeDescriptor: Int32 = 4
    /// Set (to the descriptor numbers) only when the engine runs the program; they carry no secret.
    public static let channelVariable = "WORKBOOK_CHANNEL_FD"
    public static let handshakeVariable = "WORKBOOK_HANDSHAKE_FD"
    /// Bytes of the per-run key (a SipHash-2-4 key).
    public static let keyLength = 16
}
