import Foundation

// The samplers every random part of the course uses. Each takes the generator explicitly
// (`using:`) so a seeded run is reproducible; none touches the system generator.
//
// They are written out rather than borrowed from `Double.random(in:using:)` so that the exact
// mapping from bits to numbers is ours and fixed: a Swift upgrade cannot change a chapter's
// numbers.

/// A uniform draw from [0, 1): the top 53 bits of one 64-bit output, scaled by 2⁻⁵³.
@inlinable
public func uniform(using rng: inout some RandomNumberGenerator) -> Double {
    Double(rng.next() >> 11) * 0x1.0p-53
}

/// A uniform draw from [low, high).
@inlinable
public func uniform(_ low: Double, _ high: Double, using rng: inout some RandomNumberGenerator) -> Double {
    low + (high - low) * uniform(using: &rng)
}

/// A uniform integer from the closed range `range` (the stdlib's unbiased method, driven by `rng`).
@inlinable
public func uniformInt(_ range: ClosedRange<Int>, using rng: inout some RandomNumberGenerator) -> Int {
    Int.random(in: range, using: &rng)
}

/// A draw from the normal distribution N(mean, std²) by the Box–Muller transform:
/// with u₁, u₂ ~ U(0, 1), z = √(−2 ln u₁) · cos(2π u₂) is standard normal.
///
/// (The paired sine value is thrown away so each call costs the same and the stream
/// does not depend on how calls interleave.)
@inlinable
public func normal(mean: Double = 0, std: Double = 1, using rng: inout some RandomNumberGenerator) -> Double {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    let u1 = 1 - uniform(using: &rng)
    let u2 = uniform(using: &rng)
    let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    return mean + std * z
}

/// `count` independent uniform draws from [low, high).
public func uniformArray(_ count: Int, _ low: Double = 0, _ high: Double = 1,
                         using rng: inout some RandomNumberGenerator) -> [Double] {
    (0..<count).map { _ in uniform(low, high, using: &rng) }
}

/// `count` independent draws from N(mean, std²).
public func normalArray(_ count: Int, mean: Double = 0, std: Double = 1,
                        using rng: inout some RandomNumberGenerator) -> [Double] {
    (0..<count).map { _ in normal(mean: mean, std: std, using: &rng) }
}
