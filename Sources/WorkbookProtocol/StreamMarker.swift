/// Markers the runtime writes into the program's stdout and stderr so the engine can split each
/// stream by cell (and place each display within stdout), whatever the pipes' relative timing.
///
/// `RS W B <16 hex tag> <kind> <8 digits> LF`, always `length` bytes. The tag of the n-th marker
/// on a stream is SipHash(key, "marker <stream> <n>"): the engine knows which tag comes next,
/// and code without the key cannot forge a marker, nor reuse one it managed to read.
public enum StreamMarker {
    public enum Kind: UInt8, Sendable {
        /// A cell (or an inline expression, at `inlineStreamBase + index`) begins.
        case cell = 0x3A  // ':'
        /// A display was sent here: what stdout held before it was printed before it.
        case display = 0x21  // '!'
    }

    /// Inline expression `i`'s output is filed under cell number `inlineStreamBase + i`, apart
    /// from the cells'.
    public static let inlineStreamBase = 90_000_000

    /// RS, 'W', 'B'.
    public static let lead: [UInt8] = [0x1E, 0x57, 0x42]
    public static let tagLength = 16
    public static let length = lead.count + tagLength + 1 + 8 + 1

    /// The tag of marker number `ordinal` (0-based) on `stream` (1 stdout, 2 stderr).
    public static func tag(key: [UInt8], stream: Int32, ordinal: Int) -> [UInt8] {
        Array(SipHasher.hex(key: key, Array("marker \(stream) \(ordinal)".utf8)).utf8)
    }

    public static func bytes(key: [UInt8], stream: Int32, ordinal: Int, kind: Kind, number: Int) -> [UInt8] {
        var digits = Array(String(max(0, min(number, 99_999_999))).utf8)
        digits = [UInt8](repeating: 0x30, count: 8 - digits.count) + digits
        return lead + tag(key: key, stream: stream, ordinal: ordinal) + [kind.rawValue] + digits + [0x0A]
    }

    /// The kind and number of a marker's last 10 bytes (`kind`, 8 digits, LF), or nil.
    public static func parseTail<Bytes: Collection>(_ tail: Bytes) -> (kind: Kind, number: Int)? where Bytes.Element == UInt8 {
        let bytes = Array(tail)
        guard bytes.count == 10, bytes.last == 0x0A, let kind = Kind(rawValue: bytes[0]) else { return nil }
        var number = 0
        for byte in bytes[1..<9] {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            number = number * 10 + Int(byte - 0x30)
        }
        return (kind, number)
    }
}
