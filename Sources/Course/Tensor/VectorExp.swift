// eˣ four numbers at a time, for the softmax under attention. `Foundation.exp` is one call
// per number; the score matrices of attention hold millions of them.
//
// The classic recipe: write x = n·ln 2 + r with n an integer and |r| ≤ ln 2 / 2, so that
// eˣ = 2ⁿ · eʳ. eʳ is a Taylor polynomial (to r¹³/13!, below 10⁻¹⁷ relative on that interval),
// and 2ⁿ is built directly as the bits of a Double (exponent field n + 1023).
// Accuracy: within 2 ulp of `Foundation.exp`, tested.

private let log2e = 1.4426950408889634
// ln 2 split in two so that n·ln2High is exact for the n that occur.
private let ln2High = 0.693145751953125
private let ln2Low = 1.4286068203094173e-06
// Adding 1.5·2⁵² rounds a double to an integer and leaves that integer in the low bits.
private let roundingMagic = 6755399441055744.0
private let taylor: [Double] = (0...13).map { k in 1 / (1...max(k, 1)).reduce(1.0) { $0 * Double($1) } }

/// eˣ for each lane. Inputs below −708 (including −∞, a masked score) give 0: e⁻⁷⁰⁸ ≈ 3·10⁻³⁰⁸
/// is already at the edge of the normal range. Meant for x ≤ 0 (shifted scores); no overflow
/// handling above +709.
@inline(__always)
func vectorExp(_ x: SIMD4<Double>) -> SIMD4<Double> {
    let tooSmall = x .< SIMD4(repeating: -708)
    let clamped = x.replacing(with: -708, where: tooSmall)
    let shifted = clamped * log2e + roundingMagic
    let n = shifted - roundingMagic
    let r = (clamped - n * ln2High) - n * ln2Low
    var p = SIMD4<Double>(repeating: taylor[13])
    for k in stride(from: 12, through: 0, by: -1) { p = p * r + taylor[k] }
    let magicBits = SIMD4<Int64>(repeating: Int64(bitPattern: roundingMagic.bitPattern))
    let exponent = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- magicBits
    let scale = unsafeBitCast((exponent &+ 1023) &<< 52, to: SIMD4<Double>.self)
    return (p * scale).replacing(with: 0, where: tooSmall)
}

/// Softmax of each row of an r×c row-major buffer, in place: yᵢⱼ = exp(xᵢⱼ − maxₖ xᵢₖ) / Σₖ …
/// The same maths as `Tensor.softmax()`, in three passes over each row (max, exp and sum,
/// scale) with four lanes at a time.
func softmaxRowsInPlace(_ y: UnsafeMutablePointer<Double>, rows r: Int, cols c: Int) {
    let wide = c & ~3
    for i in 0..<r {
        let row = y + i * c
        var largest4 = SIMD4<Double>(repeating: -.infinity)
        var j = 0
        while j < wide {
            largest4 = pointwiseMax(largest4, UnsafeRawPointer(row + j).loadUnaligned(as: SIMD4<Double>.self))
            j += 4
        }
        var largest = largest4.max()
        while j < c { largest = max(largest, row[j]); j += 1 }
        let shift = SIMD4<Double>(repeating: largest)
        var total4 = SIMD4<Double>(repeating: 0)
        j = 0
        while j < wide {
            let e = vectorExp(UnsafeRawPointer(row + j).loadUnaligned(as: SIMD4<Double>.self) - shift)
            UnsafeMutableRawPointer(row + j).storeBytes(of: e, as: SIMD4<Double>.self)
            total4 += e
            j += 4
        }
        var total = total4.sum()
        while j < c {
            let e = vectorExp(SIMD4(repeating: row[j] - largest))[0]
            row[j] = e
            total += e
            j += 1
        }
        let inverse = SIMD4<Double>(repeating: 1 / total)
        j = 0
        while j < wide {
            let scaled = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD4<Double>.self) * inverse
            UnsafeMutableRawPointer(row + j).storeBytes(of: scaled, as: SIMD4<Double>.self)
            j += 4
        }
        while j < c { row[j] *= inverse[0]; j += 1 }
    }
}
