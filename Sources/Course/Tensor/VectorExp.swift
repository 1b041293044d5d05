import Foundation

// eˣ four numbers at a time, for the softmax under attention. `Foundation.exp` is one call
// per number; the score matrices of attention hold millions of them.
//
// The classic recipe, with a table: write x = (32m + j)·(ln 2)/32 + r with integers m, j
// (0 ≤ j < 32) and |r| ≤ (ln 2)/64, so that eˣ = 2ᵐ · 2^(j/32) · eʳ. 2^(j/32) comes from a
// table of 32 numbers, eʳ − 1 is a Taylor polynomial (to r⁶/6!, below 10⁻¹⁷ relative on that
// small interval), and 2ᵐ is built directly as the bits of a Double (exponent field m + 1023).
// The table is what keeps the polynomial short: with |r| ≤ (ln 2)/2 it needed r¹³/13!, and on
// a baseline x86-64 build those multiply-adds were half of attention's time.
// Accuracy: within 2 ulp of `Foundation.exp`, tested.

// 32/ln 2, and ln 2/32 split in two so that n·high is exact for the n that occur.
private let thirtyTwoOverLn2 = 46.16624130844683
private let ln2Over32High = 0.693145751953125 / 32
private let ln2Over32Low = 1.4286068203094173e-06 / 32
// Adding 1.5·2⁵² rounds a double to an integer and leaves that integer in the low bits.
private let roundingMagic = 6755399441055744.0
/// 2^(j/32) for j = 0 … 31, each correctly rounded.
let exp2Table: [Double] = [
    1.0, 1.0218971486541166, 1.0442737824274138, 1.0671404006768237,
    1.0905077326652577, 1.1143867425958924, 1.1387886347566916, 1.1637248587775775,
    1.189207115002721, 1.215247359980469, 1.241857812073484, 1.2690509571917332,
    1.2968395546510096, 1.3252366431597413, 1.3542555469368927, 1.383909881963832,
    1.4142135623730951, 1.4451808069770467, 1.4768261459394993, 1.5091644275934228,
    1.5422108254079407, 1.5759808451078865, 1.6104903319492543, 1.645755478153965,
    1.681792830507429, 1.718619298122478, 1.7562521603732995, 1.7947090750031072,
    1.8340080864093424, 1.8741676341103, 1.9152065613971474, 1.9571441241754002,
]

/// eˣ for each lane. Inputs below −708 (including −∞, a masked score) give 0: e⁻⁷⁰⁸ ≈ 3·10⁻³⁰⁸
/// is already at the edge of the normal range. Meant for x ≤ 0 (shifted scores); no overflow
/// handling above +709.
func vectorExp(_ x: SIMD4<Double>) -> SIMD4<Double> {
    exp2Table.withUnsafeBufferPointer { vectorExp(x, table: $0.baseAddress!) }
}

/// `vectorExp` with the table of 2^(j/32) passed in, so a loop looks it up only once.
@inline(__always)
func vectorExp(_ x: SIMD4<Double>, table: UnsafePointer<Double>) -> SIMD4<Double> {
    let tooSmall = x .< SIMD4(repeating: -708)
    let clamped = x.replacing(with: -708, where: tooSmall)
    let shifted = clamped * thirtyTwoOverLn2 + roundingMagic
    let n = shifted - roundingMagic
    let r = (clamped - n * ln2Over32High) - n * ln2Over32Low
    // eʳ − 1 = r + r²/2! + … + r⁶/6!, by Horner's rule.
    var q = SIMD4<Double>(repeating: 0.001388888888888889)
    q = q * r + 0.008333333333333333
    q = q * r + 0.041666666666666664
    q = q * r + 0.16666666666666666
    q = q * r + 0.5
    q = q * r + 1.0
    q = q * r
    let magicBits = SIMD4<Int64>(repeating: Int64(bitPattern: roundingMagic.bitPattern))
    let whole = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- magicBits
    let j = whole & 31, m = whole &>> 5
    let t = SIMD4<Double>(table[Int(j[0])], table[Int(j[1])], table[Int(j[2])], table[Int(j[3])])
    let scale = unsafeBitCast((m &+ 1023) &<< 52, to: SIMD4<Double>.self)
    return ((t + t * q) * scale).replacing(with: 0, where: tooSmall)
}

/// Softmax of each row of an r×c row-major buffer, in place: yᵢⱼ = exp(xᵢⱼ − maxₖ xᵢₖ) / Σₖ …
/// The same maths as `Tensor.softmax()`, in three passes over each row (max, exp and sum,
/// scale) with four lanes at a time. Rows are independent, so a large buffer is shared out in
/// blocks of rows over the matrix products' threads (`WORKBOOK_THREADS`); each row's numbers
/// are the same whichever thread computes them.
func softmaxRowsInPlace(_ y: UnsafeMutablePointer<Double>, rows r: Int, cols c: Int) {
    let threads = min(blasThreads, r)
    guard threads > 1, r * c >= 1 << 16 else { return softmaxRows(y, rows: r, cols: c) }
    let block = (r + threads - 1) / threads
    DispatchQueue.concurrentPerform(iterations: threads) { part in
        let first = part * block, count = min(block, r - first)
        if count > 0 { softmaxRows(y + first * c, rows: count, cols: c) }
    }
}

/// `softmaxRowsInPlace` on one thread.
private func softmaxRows(_ y: UnsafeMutablePointer<Double>, rows r: Int, cols c: Int) {
    exp2Table.withUnsafeBufferPointer { softmaxRows(y, rows: r, cols: c, table: $0.baseAddress!) }
}

private func softmaxRows(_ y: UnsafeMutablePointer<Double>, rows r: Int, cols c: Int, table: UnsafePointer<Double>) {
    let wide = c & ~3
    for i in 0..<r {
        let row = y + i * c
        var largest4 = SIMD4<Double>(repeating: -.infinity)
        var j = 0
        while j < wide {
            // A compare and a select (pointwiseMax compiles to scalar code here).
            let v = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD4<Double>.self)
            largest4.replace(with: v, where: v .> largest4)
            j += 4
        }
        var largest = largest4.max()
        while j < c { largest = max(largest, row[j]); j += 1 }
        let shift = SIMD4<Double>(repeating: largest)
        var total4 = SIMD4<Double>(repeating: 0)
        j = 0
        while j < wide {
            let e = vectorExp(UnsafeRawPointer(row + j).loadUnaligned(as: SIMD4<Double>.self) - shift, table: table)
            UnsafeMutableRawPointer(row + j).storeBytes(of: e, as: SIMD4<Double>.self)
            total4 += e
            j += 4
        }
        var total = total4.sum()
        while j < c {
            let e = vectorExp(SIMD4(repeating: row[j] - largest), table: table)[0]
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
