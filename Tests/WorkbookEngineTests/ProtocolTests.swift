import Foundation
import Testing
import WorkbookProtocol

@Suite("Protocol: framing, tags and limits")
struct ProtocolTests {
    let key: [UInt8] = Array(0..<16)

    @Test func sipHashMatchesTheReferenceVectors() {
        // From the SipHash paper's test vectors: key 00..0f, messages 00, 00 01, … (first two).
        #expect(SipHasher.hex(key: key, []) == SipHasher.hex(0x726fdb47dd0e0e31))
        #expect(SipHasher.hex(key: key, [0]) == SipHasher.hex(0x74f839c593dc67fd))
        #expect(SipHasher.hex(key: key, Array(0..<15)) == SipHasher.hex(0xa129ca6149be45e5))
    }

    @Test func aRecordWithoutTheKeyIsForged() {
        var decoder = RecordDecoder(key: key)
        let forged = ChannelRecord(kind: .end, sequence: 0, fields: [0], payload: []).encoded(key: Array(repeating: 7, count: 16))
        #expect(throws: ChannelViolation.forged) { try decoder.feed(forged) }
        // And nothing after it is believed, even a genuine record.
        let genuine = ChannelRecord(kind: .end, sequence: 0, fields: [0], payload: []).encoded(key: key)
        #expect(throws: ChannelViolation.forged) { try decoder.feed(genuine) }
    }

    @Test func theEngineRejectsTheClassicForgedEndRecord() {
        var decoder = RecordDecoder(key: key)
        #expect(throws: ChannelViolation.self) { try decoder.feed(Array("X 0 0\n".utf8)) }
    }

    @Test func aReplayedRecordIsOutOfSequence() {
        var decoder = RecordDecoder(key: key)
        let first = ChannelRecord(kind: .cellBegin, sequence: 0, fields: [0, 1], payload: []).encoded(key: key)
        #expect((try? decoder.feed(first))?.count == 1)
        #expect(throws: ChannelViolation.outOfSequence(expected: 1, got: 0)) { try decoder.feed(first) }
    }

    @Test func anOversizedRecordIsRefusedFromItsHeaderWithoutBufferingIt() {
        var decoder = RecordDecoder(key: key)
        // A 4 GiB display announced: refused before a byte of it is held.
        #expect(throws: ChannelViolation.tooLarge(kind: .display, bytes: 4 << 30)) {
            try decoder.feed(Array("D 0 0 0 \(4 << 30) 0123456789abcdef\n".utf8))
        }
        var checks = RecordDecoder(key: key)
        #expect(throws: ChannelViolation.self) {
            try checks.feed(Array("K 0 1 1 0 \(ProtocolLimits.checkBytes + 1) 0123456789abcdef\n".utf8))
        }
        // A header line that never ends is cut off at its limit.
        var endless = RecordDecoder(key: key)
        #expect(throws: ChannelViolation.self) { try endless.feed([UInt8](repeating: 0x41, count: 1 << 20)) }
    }

    @Test func markersDifferPerStreamAndOrdinal() {
        let a = StreamMarker.bytes(key: key, stream: 1, ordinal: 0, kind: .cell, number: 3)
        let b = StreamMarker.bytes(key: key, stream: 1, ordinal: 1, kind: .cell, number: 3)
        let c = StreamMarker.bytes(key: key, stream: 2, ordinal: 0, kind: .cell, number: 3)
        #expect(a.count == StreamMarker.length && a != b && a != c)
        #expect(StreamMarker.parseTail(a.suffix(10))! == (StreamMarker.Kind.cell, 3))
    }
}

@Suite("Protocol: a breach keeps the genuine records before it")
struct ProtocolBreachTests {
    @Test func recordsBeforeAForgeryInTheSameReadStillCount() {
        let key: [UInt8] = Array(0..<16)
        var decoder = RecordDecoder(key: key)
        let begin = ChannelRecord(kind: .cellBegin, sequence: 0, fields: [2, 5], payload: [])
        let (records, violation) = decoder.decode(begin.encoded(key: key) + Array("X 0 0\n".utf8))
        #expect(records == [begin])
        #expect(violation != nil)
        #expect(decoder.decode(begin.encoded(key: key)).records.isEmpty)
    }
}
