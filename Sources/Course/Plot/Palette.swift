/// Colours and glyphs shared by every plot.
///
/// Series colours are the Okabe–Ito palette, chosen to stay distinguishable under the common
/// forms of colour blindness; each series also gets its own glyph (text), dash pattern
/// (lines) or marker shape (scatter), so nothing depends on colour alone.
enum Palette {
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#999999"]
    static func colour(_ index: Int) -> String { colours[index % colours.count] }

    /// Text glyphs for series and clusters. `@` is kept for centroids.
    static let glyphs: [Character] = ["*", "o", "+", "x", "#", "%", "&", "="]
    static func glyph(_ index: Int) -> Character { glyphs[index % glyphs.count] }
    static let centroidGlyph: Character = "@"

    /// SVG dash patterns, one per series after the solid first one.
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"]
    static func dash(_ index: Int) -> String { dashes[index % dashes.count] }

    /// Viridis (perceptually uniform, colour-blind safe) sampled at five stops.
    private static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]

    /// Viridis colour at `t` in 0…1, as "#rrggbb".
    static func sequential(_ t: Double) -> String {
        let t = t.isFinite ? min(1, max(0, t)) : 0
        let scaled = t * Double(viridis.count - 1)
        let i = min(viridis.count - 2, Int(scaled))
        let f = scaled - Double(i)
        let (a, b) = (viridis[i], viridis[i + 1])
        return hex(a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    /// Whether text on the sequential colour at `t` should be white (dark end of the ramp).
    static func needsLightText(_ t: Double) -> Bool { t < 0.55 }

    private static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for channel in [r, g, b] {
            let v = Int(channel.rounded())
            out.append(digits[v / 16])
            out.append(digits[v % 16])
        }
        return out
    }
}
