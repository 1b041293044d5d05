#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The runtime's side of the engine channel: a pipe the engine hands the chapter program as a
/// file descriptor named in `WORKBOOK_CHANNEL_FD`.
///
/// Record framing (so a 500 KB SVG survives): one ASCII header line
/// `KIND FIELD… PAYLOADLENGTH\n`, then exactly PAYLOADLENGTH bytes.
/// Kinds: `C index nanos` a cell begins; `X nanos` the program ended normally;
/// `J index nanos` an inline expression is about to be evaluated; `D textLength` a display (payload = text bytes then html bytes); `I index` an inline value;
/// `P` a data-file dependency (payload = path); `F cell pid` a checkpoint before `cell` is held
/// by process `pid` (see `Checkpoints`).
final class EngineChannel: @unchecked Sendable {
    static let shared: EngineChannel? = EngineChannel.fromEnvironment()

    /// The channel's descriptor number; a resumed checkpoint puts its new channel on the same one.
    let fd: Int32
    /// Tags the cell markers written into stdout and stderr. Read once and removed from the
    /// environment, so chapter code cannot forge a marker. A run resumed from a checkpoint gets
    /// a new one with its command (see `Checkpoints`).
    var nonce: String

    private init(fd: Int32, nonce: String) {
        self.fd = fd
        self.nonce = nonce
    }

    private static func fromEnvironment() -> EngineChannel? {
        guard let fdText = getenv("WORKBOOK_CHANNEL_FD").map({ String(cString: $0) }),
              let fd = Int32(fdText),
              let nonce = getenv("WORKBOOK_NONCE").map({ String(cString: $0) }) else { return nil }
        unsetenv("WORKBOOK_CHANNEL_FD")
        unsetenv("WORKBOOK_NONCE")
        return EngineChannel(fd: fd, nonce: nonce)
    }

    func send(kind: String, fields: [String], payload: [UInt8]) {
        let header = ([kind] + fields + [String(payload.count)]).joined(separator: " ") + "\n"
        writeAll(fd, Array(header.utf8) + payload)
    }
}

/// write(2) until every byte is out; a closed channel (engine gone) is ignored.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}

func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}
