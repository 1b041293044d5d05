#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WorkbookProtocol

/// The runtime's side of the engine channel (see WorkbookProtocol): the write end of a pipe at
/// `Handshake.channelDescriptor`, and the run's key, read once from the handshake pipe when the
/// generated program starts. Every record and stream marker is tagged with the key, so bytes
/// that chapter code writes to the descriptor itself are rejected by the engine.
///
/// Internal: chapter code reaches it only through the public calls that are meant for it
/// (`expect…`, `Notebook.display`, `Notebook.recordDependency`).
final class EngineChannel: @unchecked Sendable {
    /// Set once by `ChapterSession.start()`, before any chapter code runs.
    nonisolated(unsafe) static var shared: EngineChannel?

    /// The channel's descriptor number; a run resumed from a kernel checkpoint gets its new
    /// channel on the same number.
    let fd: Int32
    /// Replaced, with the counters below, when a kernel checkpoint resumes (see `restart`).
    private var key: [UInt8]
    /// Guards the sequence numbers and the writes, so records from several threads keep the
    /// order of their numbers.
    private var lock = pthread_mutex_t()
    private var sequence = 0
    private var markers: [Int32: Int] = [1: 0, 2: 0]
    private var displays = 0

    private init(fd: Int32, key: [UInt8]) {
        self.fd = fd
        self.key = key
        pthread_mutex_init(&lock, nil)
    }

    /// Reads the key from the handshake descriptor and closes it; nil outside the engine.
    static func connect() -> EngineChannel? {
        guard let channelText = getenv(Handshake.channelVariable).map({ String(cString: $0) }),
              let handshakeText = getenv(Handshake.handshakeVariable).map({ String(cString: $0) }),
              let fd = Int32(channelText), let handshake = Int32(handshakeText) else { return nil }
        unsetenv(Handshake.channelVariable)
        unsetenv(Handshake.handshakeVariable)
        var key = [UInt8](repeating: 0, count: Handshake.keyLength)
        var got = 0
        while got < key.count {
            let count = key.withUnsafeMutableBytes { read(handshake, $0.baseAddress! + got, $0.count - got) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            got += count
        }
        close(handshake)
        guard got == key.count else {
            writeAll(2, Array("workbook runtime: the engine's handshake was cut short\n".utf8))
            _exit(70)
        }
        return EngineChannel(fd: fd, key: key)
    }

    /// A run resumed from a checkpoint (in a fork, on new pipes) is a new run to the engine:
    /// its own key, and records, markers and displays numbered from zero again.
    func restart(key newKey: [UInt8]) {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        key = newKey
        sequence = 0
        markers = [1: 0, 2: 0]
        displays = 0
    }

    func send(_ kind: RecordKind, fields: [Int], payload: [UInt8]) {
        guard payload.count <= kind.payloadLimit else {
            fatalError("a \(kind.readableName) of \(payload.count) bytes is larger than the \(kind.payloadLimit) bytes one may have")
        }
        // stdout is buffered (OutputBuffer): what the program printed before this record goes first.
        fflush(stdout)
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        let record = ChannelRecord(kind: kind, sequence: sequence, fields: fields, payload: payload)
        sequence += 1
        writeAll(fd, record.encoded(key: key))
    }

    /// Writes the next marker to stdout and stderr (cell begins) after flushing both.
    func markStreams(cell: Int) {
        fflush(stdout)
        fflush(stderr)
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        for stream: Int32 in [1, 2] { writeMarker(stream: stream, kind: .cell, number: cell) }
    }

    /// A display: its marker in stdout (so the page can place it among the printed text),
    /// then its record, under one lock so ordinals and markers agree.
    func sendDisplay(text: [UInt8], html: [UInt8]) {
        let payload = text + html
        guard payload.count <= RecordKind.display.payloadLimit else {
            fatalError("a display of \(payload.count) bytes is larger than the \(RecordKind.display.payloadLimit) bytes (8 MiB) one may have")
        }
        fflush(stdout)
        pthread_mutex_lock(&lock)
        let ordinal = displays
        displays += 1
        writeMarker(stream: 1, kind: .display, number: ordinal)
        pthread_mutex_unlock(&lock)
        send(.display, fields: [ordinal, text.count], payload: payload)
    }

    private func writeMarker(stream: Int32, kind: StreamMarker.Kind, number: Int) {
        let ordinal = markers[stream, default: 0]
        markers[stream] = ordinal + 1
        writeAll(stream, StreamMarker.bytes(key: key, stream: stream, ordinal: ordinal, kind: kind, number: number))
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

func monotonicNanoseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
}

/// `text` cut to at most `limit` UTF-8 bytes, at a character boundary.
func clipped(_ text: String, to limit: Int) -> [UInt8] {
    let bytes = Array(text.utf8)
    guard bytes.count > limit else { return bytes }
    var end = max(0, limit - 3)
    while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return Array(bytes[..<end]) + Array("…".utf8)
}
