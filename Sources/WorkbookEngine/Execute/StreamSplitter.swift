/// Splits one output stream (stdout or stderr) of a chapter program into per-cell buffers at
/// the runtime's nonce-tagged markers (`ChapterSession.streamMarker`), finding markers that
/// straddle two reads. Memory stays bounded: each cell keeps at most `limit` bytes.
struct StreamSplitter {
    private let prefix: [UInt8]
    private let markerLength: Int
    private let limit: Int
    private var pending: [UInt8] = []
    /// The cell output is attributed to now; output before the first marker goes to `firstCell`.
    private(set) var currentCell: Int
    /// How many markers were seen: lets the executor know a cell's output is complete.
    private(set) var markersSeen = 0
    private(set) var buffers: [Int: CappedBuffer] = [:]

    init(nonce: String, firstCell: Int, limit: Int) {
        prefix = Array("\u{1E}WB\(nonce):".utf8)
        markerLength = prefix.count + 9  // 8 digits and a newline
        self.limit = limit
        currentCell = firstCell
    }

    mutating func feed(_ chunk: ArraySlice<UInt8>) {
        let data = pending.isEmpty ? Array(chunk) : pending + chunk
        pending = []
        var start = 0
        var search = 0
        while let found = data[search...].firstIndex(of: prefix[0]) {
            if data.count - found < markerLength {
                // Could be a marker cut by the read: keep it for the next chunk.
                let known = min(prefix.count, data.count - found)
                if data[found...].prefix(known).elementsEqual(prefix.prefix(known)) {
                    emit(data[start..<found])
                    pending = Array(data[found...])
                    return
                }
            } else if let cell = marker(in: data[found..<(found + markerLength)]) {
                emit(data[start..<found])
                currentCell = cell
                markersSeen += 1
                start = found + markerLength
                search = start
                continue
            }
            search = found + 1
        }
        emit(data[start...])
    }

    /// The end of the stream: a partial marker left over was ordinary output.
    mutating func finish() {
        emit(pending[...])
        pending = []
    }

    func captured(cell: Int) -> CapturedText {
        buffers[cell]?.captured ?? CapturedText()
    }

    private func marker(in candidate: ArraySlice<UInt8>) -> Int? {
        guard candidate.prefix(prefix.count).elementsEqual(prefix), candidate.last == UInt8(ascii: "\n") else {
            return nil
        }
        let digits = candidate.dropFirst(prefix.count).dropLast()
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    private mutating func emit(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        buffers[currentCell, default: CappedBuffer(limit: limit)].append(bytes)
    }
}
