import Foundation

/// Locale-free number formatting with a fixed number of decimals, so the same data always
/// gives byte-identical text and SVG (no `String(format:)`, whose output can depend on locale).
enum NumberFormat {
    /// `fixed(3.14159, 2)` is "3.14"; `fixed(-0.001, 2)` is "0.00" (no negative zero).
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        let places = max(0, min(decimals, 12))
        let scaled = (abs(x) * pow(10, Double(places))).rounded()
        // Beyond 2^53 the digits are not exact any more; fall back to exponent form.
        guard scaled < 9.0e15 else { return scientific(x, 3) }
        var digits = String(UInt64(scaled))
        if places > 0 {
            if digits.count <= places {
                digits = String(repeating: "0", count: places + 1 - digits.count) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (x < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// `scientific(0.000123, 1)` is "1.2e-4".
    static func scientific(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite, x != 0 else { return fixed(x, decimals) }
        var exponent = Int(floor(log10(abs(x))))
        var mantissa = x / pow(10, Double(exponent))
        // Rounding can carry the mantissa to 10.0; renormalise.
        if abs((mantissa * pow(10, Double(decimals))).rounded()) >= 10 * pow(10, Double(decimals)) {
            mantissa /= 10
            exponent += 1
        }
        return fixed(mantissa, decimals) + "e" + String(exponent)
    }

    /// A compact label for a value on an axis with the given tick step: enough decimals to
    /// tell neighbouring ticks apart, exponent form for very large or very small numbers.
    static func tick(_ x: Double, step: Double) -> String {
        let magnitude = max(abs(x), abs(step))
        if magnitude >= 1e6 || (magnitude < 1e-4 && magnitude > 0) {
            return scientific(x, 1)
        }
        return fixed(x, decimalsFor(step: step))
    }

    /// Decimals needed to print multiples of `step` exactly: 0.25 → 2, 5 → 0.
    static func decimalsFor(step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 2 }
        for places in 0...8 {
            let scaled = step * pow(10, Double(places))
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, scaled) { return places }
        }
        return 8
    }

    /// SVG coordinates: always two decimals.
    static func coordinate(_ x: Double) -> String { fixed(x, 2) }
}
