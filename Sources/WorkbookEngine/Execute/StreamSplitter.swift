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
    /// Display ordinal → the cell it was shown in and how many bytes that cell had printed.
    private(set) var displayPositions: [Int: (cell: Int, offset: Int)] = [:]

    init(key: [UInt8], stream: Int32, firstCell: Int, limit: Int) {
        self.key = key
        self.stream = stream
        self.limit = limit
        currentCell = firstCell
        expected = StreamMarker.lead + StreamMarker.tag(key: key, stream: stream, ordinal: 0)
    }

    mutating func feed(_ chunk: ArraySlice<UInt8>) {
        let data = pending.isEmpty ? Array(chunk) : pending + chunk
        pending = []
        let markerLength = StreamMarker.length
        var start = 0
        var search = 0
        while let found = data[search...].firstIndex(of: expected[0]) {
            if data.count - found < markerLength {
                // Could be a marker cut by the read: keep it for the next chunk.
                let known = min(expected.count, data.count - found)
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
        emit(data[start...])
    }

    private mutating func accept(_ kind: StreamMarker.Kind, _ number: Int) {
        switch kind {
        case .cell:
            currentCell = number
            markersSeen += 1
        case .display:
            displayPositions[number] = (currentCell, buffers[currentCell]?.total ?? 0)
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
