/// One record from the runtime channel (framing documented in WorkbookRuntime/EngineChannel).
struct ChannelRecord: Equatable {
    var kind: String
    var fields: [String]
    var payload: [UInt8]
}

/// Reassembles channel records from pipe reads of any size.
struct ChannelDecoder {
    private var buffer: [UInt8] = []
    private var start = 0

    mutating func feed(_ chunk: ArraySlice<UInt8>) -> [ChannelRecord] {
        buffer += chunk
        var records: [ChannelRecord] = []
        while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let words = String(decoding: buffer[start..<newline], as: UTF8.self)
                .split(separator: " ").map(String.init)
            guard let kind = words.first, let length = words.last.flatMap(Int.init), words.count >= 2 else {
                start = newline + 1  // not a header we know: skip the line
                continue
            }
            let payloadStart = newline + 1
            guard buffer.count - payloadStart >= length else { break }
            records.append(ChannelRecord(kind: kind, fields: Array(words.dropFirst().dropLast()),
                                         payload: Array(buffer[payloadStart..<(payloadStart + length)])))
            start = payloadStart + length
        }
        // Drop what was consumed once it is most of the buffer, so large records stay linear.
        if start > 0 && start * 2 >= buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return records
    }
}
