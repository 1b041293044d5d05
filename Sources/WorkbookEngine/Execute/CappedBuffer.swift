/// Bytes kept up to a limit; past it only a count, so a chatty cell cannot exhaust memory.
struct CappedBuffer: Sendable {
    let limit: Int
    private(set) var bytes: [UInt8] = []
    private(set) var droppedBytes = 0

    /// Every byte appended, kept or not.
    var total: Int { bytes.count + droppedBytes }

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        let room = limit - bytes.count
        if chunk.count <= room {
            bytes += chunk
        } else {
            bytes += chunk.prefix(max(0, room))
            droppedBytes += chunk.count - max(0, room)
        }
    }

    /// The kept text, with invalid UTF-8 replaced (U+FFFD). When the cut fell inside a
    /// character, that character's first bytes count as dropped rather than showing as junk.
    var captured: CapturedText {
        var kept = bytes[...]
        var dropped = droppedBytes
        if dropped > 0 {
            let partial = incompleteTail(kept)
            kept = kept.dropLast(partial)
            dropped += partial
        }
        return CapturedText(text: String(decoding: kept, as: UTF8.self), droppedBytes: dropped)
    }

    /// How many bytes at the end start a UTF-8 sequence that is cut short.
    private func incompleteTail(_ bytes: ArraySlice<UInt8>) -> Int {
        var back = 0
        for byte in bytes.reversed().prefix(4) {
            back += 1
            if byte & 0xC0 == 0x80 { continue }  // continuation byte: keep looking for the lead
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? back : 0
        }
        return 0
    }
}
