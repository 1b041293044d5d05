import Testing
import WorkbookProtocol
@testable import WorkbookEngine

/// `StreamSplitter` finds markers with `memchr`; these tests hold it to the byte-by-byte splitter
/// it replaced (kept below as the oracle) on random streams cut at random places.
@Suite("Execute: stream splitter against the byte-by-byte oracle")
struct ExecuteStreamSplitterTests {
    let key: [UInt8] = Array(100..<116)

    @Test func randomStreamsCutAnywhereSplitAsTheOracleSplitsThem() {
        var rng = SplitMix(seed: 12)
        for round in 0..<400 {
            let stream = randomStream(&rng)
            let limit = round % 3 == 0 ? 40 : 10_000
            let cuts = randomCuts(stream.count, &rng)
            var fast = StreamSplitter(key: key, stream: 1, firstCell: 0, limit: limit)
            var oracle = OracleStreamSplitter(key: key, stream: 1, firstCell: 0, limit: limit)
            var whole = StreamSplitter(key: key, stream: 1, firstCell: 0, limit: limit)
            for range in cuts {
                fast.feed(stream[range])
                oracle.feed(stream[range])
            }
            whole.feed(stream[...])
            fast.finish()
            oracle.finish()
            whole.finish()
            #expect(summary(fast) == oracle.summary, "round \(round), cuts \(cuts)")
            // However the stream was cut, the split is the one of a single read.
            #expect(summary(whole) == summary(fast), "round \(round)")
        }
    }

    @Test func aMarkerCutIntoThreeReadsAnywhereIsStillFound() {
        let marker = StreamMarker.bytes(key: key, stream: 1, ordinal: 0, kind: .cell, number: 5)
        let stream = Array("ab\u{1E}c".utf8) + marker + Array("five".utf8)
        for first in 0...stream.count {
            for second in first...stream.count {
                var splitter = StreamSplitter(key: key, stream: 1, firstCell: 0, limit: 100)
                splitter.feed(stream[..<first])
                splitter.feed(stream[first..<second])
                splitter.feed(stream[second...])
                splitter.finish()
                #expect(splitter.captured(cell: 0).text == "ab\u{1E}c")
                #expect(splitter.captured(cell: 5).text == "five")
                #expect(splitter.markersSeen == 1)
            }
        }
    }

    @Test func markersFarApartInLargeReadsAreFound() {
        // Megabyte reads whose slices do not start at index 0, as the reader hands them over.
        let text = [UInt8](repeating: 0x61, count: 1 << 20)
        let stream = text + StreamMarker.bytes(key: key, stream: 1, ordinal: 0, kind: .cell, number: 2) + text
            + StreamMarker.bytes(key: key, stream: 1, ordinal: 1, kind: .cell, number: 3) + Array("end".utf8)
        let padded = [UInt8](repeating: 0x1E, count: 7) + stream
        var splitter = StreamSplitter(key: key, stream: 1, firstCell: 1, limit: 4 << 20)
        let middle = 7 + (1 << 20) + 10  // inside the first marker
        splitter.feed(padded[7..<middle])
        splitter.feed(padded[middle...])
        splitter.finish()
        #expect(splitter.captured(cell: 1).text.utf8.count == 1 << 20)
        #expect(splitter.captured(cell: 2).text.utf8.count == 1 << 20)
        #expect(splitter.captured(cell: 3).text == "end")
        #expect(splitter.markersSeen == 2)
    }

    @Test func nextByteFindsTheFirstOccurrenceFromAPosition() {
        let bytes: [UInt8] = [9, 1, 30, 4, 30, 30]
        let slice = bytes[1...]
        #expect(StreamSplitter.nextByte(30, in: slice, from: 1) == 2)
        #expect(StreamSplitter.nextByte(30, in: slice, from: 3) == 4)
        #expect(StreamSplitter.nextByte(30, in: slice, from: 5) == 5)
        #expect(StreamSplitter.nextByte(30, in: slice, from: 6) == nil)
        #expect(StreamSplitter.nextByte(9, in: slice, from: 1) == nil)
    }

    // MARK: - Random streams

    /// Output with many RS bytes and pieces of markers, the next real markers in turn, forged
    /// ones (wrong tag, out of turn, bad tail) and real markers cut short.
    func randomStream(_ rng: inout SplitMix) -> [UInt8] {
        var stream: [UInt8] = []
        var ordinal = 0
        let alphabet: [UInt8] = Array("ab\nWB0:!9f".utf8) + [0x1E, 0x1E, 0xC3, 0xA9]
        for _ in 0..<Int(rng.next() % 12) {
            switch rng.next() % 7 {
            case 0, 1:
                for _ in 0..<Int(rng.next() % 30) { stream.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            case 2, 3:
                let kind: StreamMarker.Kind = rng.next() % 3 == 0 ? .display : .cell
                stream += StreamMarker.bytes(key: key, stream: 1, ordinal: ordinal, kind: kind, number: Int(rng.next() % 5))
                ordinal += 1
            case 4:
                // Out of turn, or for the other stream: plain output.
                let wrongOrdinal = ordinal + 1 + Int(rng.next() % 3)
                stream += rng.next() % 2 == 0
                    ? StreamMarker.bytes(key: key, stream: 1, ordinal: wrongOrdinal, kind: .cell, number: 1)
                    : StreamMarker.bytes(key: key, stream: 2, ordinal: ordinal, kind: .cell, number: 1)
            case 5:
                // The next marker cut short (at the end of the stream it must come out as text).
                let real = StreamMarker.bytes(key: key, stream: 1, ordinal: ordinal, kind: .cell, number: 3)
                stream += real.prefix(1 + Int(rng.next() % UInt64(real.count - 1)))
            default:
                // The next marker's lead and tag with a tail that does not parse.
                var real = StreamMarker.bytes(key: key, stream: 1, ordinal: ordinal, kind: .cell, number: 3)
                real[real.count - 1 - Int(rng.next() % 10)] = 0x78
                stream += real
            }
        }
        return stream
    }

    /// Consecutive ranges covering 0..<count: many short reads, some empty, some long.
    func randomCuts(_ count: Int, _ rng: inout SplitMix) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < count {
            let size = rng.next() % 4 == 0 ? Int(rng.next() % 200) : Int(rng.next() % 8)
            let end = min(count, start + size)
            ranges.append(start..<end)
            start = end
        }
        ranges.append(count..<count)
        return ranges
    }

    func summary(_ s: StreamSplitter) -> SplitSummary {
        SplitSummary(buffers: s.buffers.mapValues { SplitKept(bytes: $0.bytes, dropped: $0.droppedBytes) },
                current: s.currentCell, markers: s.markersSeen,
                displays: s.displayPositions.mapValues { [$0.cell, $0.offset] })
    }
}

struct SplitKept: Equatable { let bytes: [UInt8]; let dropped: Int }

struct SplitSummary: Equatable {
    let buffers: [Int: SplitKept]
    let current: Int
    let markers: Int
    let displays: [Int: [Int]]
}

/// SplitMix64: a small seeded generator, so a failing round can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The splitter as it was before it used `memchr`: a copy of every read and a Swift search for
/// the marker's first byte, one byte at a time. The oracle for the tests above.
struct OracleStreamSplitter {
    private let key: [UInt8]
    private let stream: Int32
    private var expected: [UInt8]
    private let limit: Int
    private var pending: [UInt8] = []
    private(set) var currentCell: Int
    private(set) var markersSeen = 0
    private var ordinal = 0
    private(set) var buffers: [Int: CappedBuffer] = [:]
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
            if displayPositions.count < StreamSplitter.positionLimit {
                displayPositions[number] = (currentCell, buffers[currentCell]?.total ?? 0)
            }
        }
        ordinal += 1
        expected = StreamMarker.lead + StreamMarker.tag(key: key, stream: stream, ordinal: ordinal)
    }

    mutating func finish() {
        emit(pending[...])
        pending = []
    }

    private mutating func emit(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        buffers[currentCell, default: CappedBuffer(limit: limit)].append(bytes)
    }

    var summary: SplitSummary {
        SplitSummary(buffers: buffers.mapValues { SplitKept(bytes: $0.bytes, dropped: $0.droppedBytes) },
                current: currentCell, markers: markersSeen,
                displays: displayPositions.mapValues { [$0.cell, $0.offset] })
    }
}
