/// Human-readable sizes and durations, formatted with integer arithmetic so the text never
/// depends on the locale.
enum Quantities {
    /// `512 bytes`, `3.2 KiB`, `1 MiB`, `3.2 MiB`, `1.5 GiB` (one decimal, dropped when zero).
    static func bytes(_ count: Int) -> String {
        if count < 1024 { return count == 1 ? "1 byte" : "\(count) bytes" }
        let units = [("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30)]
        var chosen = units[0]
        for unit in units where count >= unit.1 { chosen = unit }
        // Rounded to tenths of the unit.
        let tenths = (count * 10 + chosen.1 / 2) / chosen.1
        return "\(oneDecimal(tenths)) \(chosen.0)"
    }

    /// `0.04 s`, `1.25 s`, `73.00 s`: two decimals, always.
    static func seconds(_ value: Double) -> String {
        let hundredths = Int((max(0, value) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }

    private static func oneDecimal(_ tenths: Int) -> String {
        tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
