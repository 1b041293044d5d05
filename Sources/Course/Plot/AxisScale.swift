import Foundation

/// One axis of a chart: the range it spans, where its ticks go and how they are labelled.
///
/// Linear axes round the data range out to "nice" ticks (1, 2 or 5 times a power of ten),
/// so the first and last tick sit on the edges of the plot. Log axes put ticks on powers of
/// ten. Positions are worked out in the axis's own space (log₁₀ v on a log axis).
struct AxisScale {
    let lower: Double
    let upper: Double
    let ticks: [Double]
    let labels: [String]
    let isLog: Bool

    /// `values` must be finite (and positive for a log axis); an empty list gives 0…1.
    init(values: [Double], log: Bool = false, targetTicks: Int = 5) {
        isLog = log
        let lo = values.min() ?? 0
        let hi = values.max() ?? 1
        if log {
            let (ticks, labels, lower, upper) = AxisScale.logTicks(lo: lo, hi: hi, target: targetTicks)
            (self.ticks, self.labels, self.lower, self.upper) = (ticks, labels, lower, upper)
        } else {
            let (ticks, labels) = AxisScale.linearTicks(lo: lo, hi: hi, target: targetTicks)
            (self.ticks, self.labels) = (ticks, labels)
            lower = ticks.first ?? lo
            upper = ticks.last ?? hi
        }
    }

    /// Where `value` falls along the axis: 0 at `lower`, 1 at `upper`.
    func fraction(_ value: Double) -> Double {
        let v = isLog ? log10(value) : value
        return upper > lower ? (v - lower) / (upper - lower) : 0.5
    }

    /// Fraction of a tick (ticks are already in axis space).
    func tickFraction(_ tick: Double) -> Double {
        upper > lower ? (tick - lower) / (upper - lower) : 0.5
    }

    /// 1, 2 or 5 times a power of ten, whichever is nearest `rough` (Heckbert's rule).
    static func niceStep(_ rough: Double) -> Double {
        let power = pow(10, floor(log10(rough)))
        let fraction = rough / power
        let factor: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return factor * power
    }

    static func linearTicks(lo: Double, hi: Double, target: Int) -> ([Double], [String]) {
        var (lo, hi) = (lo, hi)
        if hi - lo <= abs(hi) * 1e-12 {
            // A constant series has no range; give it one so it draws mid-plot.
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, hi + pad)
        }
        let step = niceStep((hi - lo) / Double(max(1, target - 1)))
        // Whole multiples of the step, so 0.1 + 0.2 never prints as 0.30000000000000004.
        let first = Int((lo / step + 1e-9).rounded(.down))
        let last = Int((hi / step - 1e-9).rounded(.up))
        let ticks = (first...max(first + 1, last)).map { Double($0) * step }
        return (ticks, ticks.map { NumberFormat.tick($0, step: step) })
    }

    static func logTicks(lo: Double, hi: Double, target: Int)
        -> (ticks: [Double], labels: [String], lower: Double, upper: Double)
    {
        var first = Int(floor(log10(lo)))
        var last = Int(ceil(log10(hi)))
        if last <= first { first -= 0; last = first + 1 }
        let every = max(1, Int((Double(last - first) / Double(max(1, target - 1))).rounded(.up)))
        let exponents = stride(from: first, through: last, by: every).map { $0 }
        let labels = exponents.map { e -> String in
            (-3...4).contains(e) ? NumberFormat.fixed(pow(10, Double(e)), max(0, -e)) : "1e\(e)"
        }
        return (exponents.map(Double.init), labels, Double(first), Double(last))
    }
}
