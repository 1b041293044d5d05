/// A small, fast, reproducible random number generator: xoshiro256** seeded through SplitMix64.
///
/// Every random function in the course takes `using: inout some RandomNumberGenerator`, so a
/// chapter that writes `var rng = SeededGenerator(seed: 445)` gets the same numbers on every run
/// and every machine. (The system generator would give different numbers each time.)
///
/// xoshiro256** (Blackman & Vigna, 2018) keeps 256 bits of state and passes the usual
/// statistical test batteries; SplitMix64 spreads a single 64-bit seed over that state so that
/// nearby seeds (1, 2, 3, …) still give unrelated streams.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// The seed this generator started from, kept so results can report it.
    public let seed: UInt64

    /// A generator whose whole stream is fixed by `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = nextSplitMix()
        s1 = nextSplitMix()
        s2 = nextSplitMix()
        s3 = nextSplitMix()
    }

    /// Convenience for literals such as `SeededGenerator(seed: 42)` written with an `Int`.
    public init(seed: Int) {
        self.init(seed: UInt64(bitPattern: Int64(seed)))
    }

    @inlinable
    static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// The next 64 random bits (xoshiro256**: a scrambled output of the state, then one step of
    /// the state's linear recurrence).
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }
}
