import Foundation
import WorkbookProtocol

/// Splits one output stream (stdout or stderr) of a chapter program into per-cell buffers at the
/// runtime's tagged markers (`WorkbookProtocol.StreamMarker`), finding markers that straddle two
/// reads. Only the marker whose tag comes next on this stream counts: bytes that merely look
/// like a marker stay output. Memory stays bounded: each cell keeps at most `limit` bytes.
struct StreamSplitter {
    private let key: [UInt8]
    private let stream: Int32
    /// Lead bytes and tag of the next marker.
    private var expected: [UInt8]
    private let limit: Int
    private var pending: [UInt8] = []
    /// The cell output is attributed to now; output before the first marker goes to `firstCell`.
    private(set) var currentCell: Int
    /// How many cell markers were seen: lets the executor know a cell's output is complete.
    private(set) var markersSeen = 0
    private var ordinal = 0
    private(set) var buffers: [Int: CappedBuffer] = [:]
    static let positionLimit = 100_000
    /// Display ordinal → the cell it was shown in and how many bytes that cell had printed.
    private(set) var displayPositions: [Int: (cell: Int, offset: Int)] = [:]

    init(key: [UInt8], stream: Int32, firstCell: Int, limit: Int) {
        self.key = key
        self.stream = stream
        self.limit = limit
        currentCell = firstCell
        expected = StreamMarker.lead + StreamMarker.tag(key: key, stream: stream, ordinal: 0)
    }

    /// Takes the next read. Markers are found by `memchr` on their first byte (RS, which
    /// ordinary output almost never holds), so the bytes between markers are looked at only
    /// by the C library's vectorised search and copied once, into their cell's buffer.
    mutating func feed(_ chunk: ArraySlice<UInt8>) {
        if pending.isEmpty {
            scan(chunk)
        } else {
            // Shorter than one marker, and only when a read ended inside something marker-like.
            let joined = pending + chunk
            pending = []
            scan(joined[...])
        }
    }

    private mutating func scan(_ data: ArraySlice<UInt8>) {
        let markerLength = StreamMarker.length
        let end = data.endIndex
        var start = data.startIndex
        var search = start
        while let found = Self.nextByte(expected[0], in: data, from: search) {
            if end - found < markerLength {
                // Could be a marker cut by the read: keep it for the next chunk.
                let known = min(expected.count, end - found)
                if data[found...].prefix(known).elementsEqual(expected.prefix(known)) {
                    emit(data[start..<found])
                    pending = Array(data[found...])
                    return
                }
            } else if data[found..<(found + expected.count)].elementsEqual(expected),
                      let (kind, number) = StreamMarker.parseTail(data[(found + expected.count)..<(found + markerLength)]) {
                emit(data[start..<found])
                accept(kind, number)
                start = found + markerLength
                search = start
                continue
            }
            search = found + 1
        }
        emit(data[start..<end])
    }

    /// The index of the first `byte` in `data[position...]`, by `memchr`.
    static func nextByte(_ byte: UInt8, in data: ArraySlice<UInt8>, from position: Int) -> Int? {
        guard position < data.endIndex else { return nil }
        return data.withUnsafeBytes { raw -> Int? in
            let offset = position - data.startIndex
            guard let hit = memchr(raw.baseAddress! + offset, Int32(byte), raw.count - offset) else { return nil }
            return position + (UnsafeRawPointer(hit) - (raw.baseAddress! + offset))
        }
    }

    private mutating func accept(_ kind: StreamMarker.Kind, _ number: Int) {
        switch kind {
        case .cell:
            currentCell = number
            markersSeen += 1
        case .display:
            // Bounded like everything the program sends: past this many, displays go after the text.
            if displayPositions.count < Self.positionLimit {
                displayPositions[number] = (currentCell, buffers[currentCell]?.total ?? 0)
            }
        }
        ordinal += 1
        expected = StreamMarker.lead + StreamMarker.tag(key: key, stream: stream, ordinal: ordinal)
    }

    /// The end of the stream: a partial marker left over was ordinary output.
    mutating func finish() {
        emit(pending[...])
        pending = []
    }

    func captured(cell: Int) -> CapturedText {
        buffers[cell]?.captured ?? CapturedText()
    }

    private mutating func emit(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        buffers[currentCell, default: CappedBuffer(limit: limit)].append(bytes)
    }
}
