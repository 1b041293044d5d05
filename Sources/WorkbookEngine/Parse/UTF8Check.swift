/// Finds the first byte that is not part of valid UTF-8, so a bad file can be reported at its line.
enum UTF8Check {
    /// Offset of the first invalid byte, or nil when `bytes` is valid UTF-8.
    static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let length = sequenceLength(at: i, in: bytes)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    /// 1-based line of a byte offset.
    static func line(ofByte offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Length of the well-formed sequence starting at `i` (Unicode Table 3-7), or 0 when ill-formed.
    private static func sequenceLength(at i: Int, in b: [UInt8]) -> Int {
        let lead = b[i]
        if lead < 0x80 { return 1 }
        let (count, secondRange): (Int, ClosedRange<UInt8>)
        switch lead {
        case 0xC2...0xDF: (count, secondRange) = (2, 0x80...0xBF)
        case 0xE0: (count, secondRange) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (count, secondRange) = (3, 0x80...0xBF)
        case 0xED: (count, secondRange) = (3, 0x80...0x9F)  // no UTF-16 surrogates
        case 0xF0: (count, secondRange) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (count, secondRange) = (4, 0x80...0xBF)
        case 0xF4: (count, secondRange) = (4, 0x80...0x8F)
        default: return 0
        }
        guard i + count <= b.count, secondRange.contains(b[i + 1]) else { return 0 }
        for k in 2..<count where !(0x80...0xBF).contains(b[i + k]) { return 0 }
        return count
    }
}
