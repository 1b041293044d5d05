/// One channel record: `KIND SEQ FIELD… LENGTH TAG\n` then LENGTH payload bytes. SEQ counts
/// records from 0; TAG is SipHash(key, header-without-tag, payload) in hex. A record whose tag
/// is wrong, whose sequence number skips or repeats, or whose payload is larger than its kind
/// allows is never accepted.
public struct ChannelRecord: Equatable, Sendable {
    public var kind: RecordKind
    public var sequence: Int
    public var fields: [Int]
    public var payload: [UInt8]

    public init(kind: RecordKind, sequence: Int, fields: [Int], payload: [UInt8]) {
        self.kind = kind
        self.sequence = sequence
        self.fields = fields
        self.payload = payload
    }

    /// The record's bytes on the channel, tagged with `key`.
    public func encoded(key: [UInt8]) -> [UInt8] {
        let head = Array(([kind.rawValue, String(sequence)] + fields.map(String.init) + [String(payload.count)])
            .joined(separator: " ").utf8)
        let tag = SipHasher.hex(key: key, head, payload)
        return head + Array(" \(tag)\n".utf8) + payload
    }
}

/// Why the engine stopped believing a channel.
public enum ChannelViolation: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case tooLarge(kind: RecordKind, bytes: Int)
    case forged
    case outOfSequence(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .malformed(let what):
            return "the program wrote something that is not a record to the engine channel (\(what))"
        case .tooLarge(let kind, let bytes):
            return "the program sent a \(kind.readableName) of \(bytes) bytes, more than the \(kind.payloadLimit) bytes one may have"
        case .forged:
            return "the program wrote a forged record to the engine channel (its tag does not match)"
        case .outOfSequence(let expected, let got):
            return "the program's channel records are out of sequence (expected record \(expected), got \(got))"
        }
    }
}

extension RecordKind {
    public var readableName: String {
        switch self {
        case .cellBegin: return "cell-begin record"
        case .end: return "end record"
        case .inlineBegin: return "inline-begin record"
        case .inlineValue: return "inline value"
        case .display: return "display"
        case .dependency: return "dependency path"
        case .check: return "check result"
        case .checkpoint: return "checkpoint record"
        case .progress: return "progress line"
        }
    }
}

/// The engine's reader of a channel: reassembles records from reads of any size, holding at
/// most one header (`ProtocolLimits.headerBytes`) and one payload (its kind's limit). The first
/// violation is thrown and every later call throws it again: nothing after it is believed.
public struct RecordDecoder: Sendable {
    private let key: [UInt8]
    private var header: [UInt8] = []
    private var pending: (record: ChannelRecord, head: [UInt8], tag: String, length: Int)?
    private var nextSequence = 0
    public private(set) var violation: ChannelViolation?

    public init(key: [UInt8]) {
        self.key = key
    }

    /// The records completed by `bytes`; throws the violation (losing the records before it in
    /// the same bytes: use `decode` to keep them).
    public mutating func feed<Bytes: Collection>(_ bytes: Bytes) throws -> [ChannelRecord] where Bytes.Element == UInt8 {
        let (records, problem) = decode(bytes)
        if let problem { throw problem }
        return records
    }

    /// The records completed by `bytes`, in order, and the violation that came after them, if
    /// any: a genuine record the program sent before it broke the protocol still counts.
    public mutating func decode<Bytes: Collection>(_ bytes: Bytes) -> (records: [ChannelRecord], violation: ChannelViolation?) where Bytes.Element == UInt8 {
        if let violation { return ([], violation) }
        var records: [ChannelRecord] = []
        var index = bytes.startIndex
        do {
            while index != bytes.endIndex {
                if var waiting = pending {
                    let wanted = waiting.length - waiting.record.payload.count
                    let end = bytes.index(index, offsetBy: wanted, limitedBy: bytes.endIndex) ?? bytes.endIndex
                    waiting.record.payload += bytes[index..<end]
                    index = end
                    pending = waiting
                    if waiting.record.payload.count == waiting.length {
                        records.append(try accept(waiting.record, head: waiting.head, tag: waiting.tag))
                        pending = nil
                    }
                    continue
                }
                let byte = bytes[index]
                index = bytes.index(after: index)
                if byte != 0x0A {
                    header.append(byte)
                    if header.count >= ProtocolLimits.headerBytes { throw ChannelViolation.malformed("a header line over \(ProtocolLimits.headerBytes) bytes") }
                    continue
                }
                let line = header
                header = []
                let (record, head, tag, length) = try parseHeader(line)
                if length == 0 {
                    records.append(try accept(record, head: head, tag: tag))
                } else {
                    pending = (record, head, tag, length)
                }
            }
        } catch let problem as ChannelViolation {
            violation = problem
            return (records, problem)
        } catch {
            violation = .malformed("\(error)")
            return (records, violation)
        }
        return (records, nil)
    }

    /// Bytes of a record still expected: the channel closed in the middle of one when not 0.
    public var isMidRecord: Bool { !header.isEmpty || pending != nil }

    private func parseHeader(_ line: [UInt8]) throws -> (ChannelRecord, [UInt8], String, Int) {
        let words = line.split(separator: 0x20, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard let kindWord = words.first, let kind = RecordKind(rawValue: kindWord) else {
            throw ChannelViolation.malformed("an unknown record kind")
        }
        guard words.count == kind.fieldCount + 4 else { throw ChannelViolation.malformed("a \(kind.rawValue) record with the wrong number of fields") }
        let numbers = words.dropFirst().dropLast().map { Int($0) }
        guard numbers.allSatisfy({ $0 != nil }), let sequence = numbers.first!, let length = numbers.last! else {
            throw ChannelViolation.malformed("a header with a field that is not a number")
        }
        guard length >= 0 else { throw ChannelViolation.malformed("a negative length") }
        guard length <= kind.payloadLimit else { throw ChannelViolation.tooLarge(kind: kind, bytes: length) }
        let tag = words.last!
        let head = Array(line[..<(line.count - tag.utf8.count - 1)])
        let fields = numbers.dropFirst().dropLast().map { $0! }
        var record = ChannelRecord(kind: kind, sequence: sequence, fields: Array(fields), payload: [])
        record.payload.reserveCapacity(length)
        return (record, head, tag, length)
    }

    private mutating func accept(_ record: ChannelRecord, head: [UInt8], tag: String) throws -> ChannelRecord {
        guard SipHasher.hex(key: key, head, record.payload) == tag else { throw ChannelViolation.forged }
        guard record.sequence == nextSequence else {
            throw ChannelViolation.outOfSequence(expected: nextSequence, got: record.sequence)
        }
        nextSequence += 1
        return record
    }
}
