/// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed hash designed as a fast MAC for short
/// messages. The engine and the runtime use it with the run's secret key to tag every channel
/// record and stream marker, so code that does not hold the key cannot make one the engine
/// accepts. Streaming: `update` any number of times, then `finalize`.
public struct SipHasher: Sendable {
    private var v0, v1, v2, v3: UInt64
    private var tail: UInt64 = 0
    private var tailCount = 0
    private var total = 0

    /// `key` must hold at least 16 bytes (little-endian k0, k1).
    public init(key: [UInt8]) {
        precondition(key.count >= 16, "SipHash needs a 16-byte key")
        var k0: UInt64 = 0, k1: UInt64 = 0
        for i in 0..<8 {
            k0 |= UInt64(key[i]) << (8 * UInt64(i))
            k1 |= UInt64(key[8 + i]) << (8 * UInt64(i))
        }
        v0 = k0 ^ 0x736f6d6570736575
        v1 = k1 ^ 0x646f72616e646f6d
        v2 = k0 ^ 0x6c7967656e657261
        v3 = k1 ^ 0x7465646279746573
    }

    @inline(__always)
    private mutating func round() {
        v0 &+= v1; v1 = (v1 << 13) | (v1 >> 51); v1 ^= v0; v0 = (v0 << 32) | (v0 >> 32)
        v2 &+= v3; v3 = (v3 << 16) | (v3 >> 48); v3 ^= v2
        v0 &+= v3; v3 = (v3 << 21) | (v3 >> 43); v3 ^= v0
        v2 &+= v1; v1 = (v1 << 17) | (v1 >> 47); v1 ^= v2; v2 = (v2 << 32) | (v2 >> 32)
    }

    @inline(__always)
    private mutating func compress(_ m: UInt64) {
        v3 ^= m
        round(); round()
        v0 ^= m
    }

    public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            tail |= UInt64(byte) << (8 * UInt64(tailCount))
            tailCount += 1
            if tailCount == 8 {
                compress(tail)
                tail = 0
                tailCount = 0
            }
        }
        total += bytes.count
    }

    public mutating func finalize() -> UInt64 {
        compress(tail | (UInt64(total & 0xff) << 56))
        v2 ^= 0xff
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    /// The hash of `parts` in order, as 16 lowercase hex digits.
    public static func hex(key: [UInt8], _ parts: [UInt8]...) -> String {
        var hasher = SipHasher(key: key)
        for part in parts { hasher.update(part) }
        return hex(hasher.finalize())
    }

    public static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 16)
        for i in 0..<16 { out[i] = digits[Int((value >> (60 - 4 * UInt64(i))) & 0xf)] }
        return String(decoding: out, as: UTF8.self)
    }
}
