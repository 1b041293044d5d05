/// A minimal SVG writer: elements appended in order, numbers with fixed decimals, every piece
/// of text escaped. The document has a `viewBox` and `width="100%"`, so it scales to a phone.
struct SVGDocument {
    let width: Double
    let height: Double
    let title: String
    private var elements: [String] = []

    init(width: Double, height: Double, title: String) {
        (self.width, self.height, self.title) = (width, height, title)
    }

    private static func n(_ x: Double) -> String { NumberFormat.coordinate(x) }

    mutating func raw(_ element: String) { elements.append(element) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       stroke: String? = nil, extra: String = "") {
        let strokePart = stroke.map { " stroke=\"\($0)\"" } ?? ""
        raw("<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, width)))\" height=\"\(Self.n(max(0, height)))\" fill=\"\(fill)\"\(strokePart)\(extra)/>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                       width: Double = 1, dash: String = "") {
        let dashPart = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
        raw("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(dashPart)/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double, dash: String) {
        let list = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        let dashPart = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
        raw("<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\"\(dashPart) points=\"\(list)\"/>")
    }

    /// Text; `anchor` is start, middle or end.
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start",
                       size: Double = 12, fill: String = "#222222", bold: Bool = false,
                       rotate: Bool = false) {
        let weight = bold ? " font-weight=\"bold\"" : ""
        let transform = rotate ? " transform=\"rotate(-90 \(Self.n(x)) \(Self.n(y)))\"" : ""
        raw("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Self.n(size))\" fill=\"\(fill)\"\(weight)\(transform)>\(Markup.escape(content))</text>")
    }

    /// A marker of the given shape index centred at (x, y): circle, square, triangle,
    /// diamond, downward triangle, in that order and repeating.
    mutating func marker(shape: Int, x: Double, y: Double, radius r: Double, fill: String,
                         stroke: String = "none") {
        let s = Self.n
        switch shape % 5 {
        case 0:
            raw("<circle cx=\"\(s(x))\" cy=\"\(s(y))\" r=\"\(s(r))\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>")
        case 1:
            rect(x: x - r * 0.85, y: y - r * 0.85, width: r * 1.7, height: r * 1.7, fill: fill,
                 stroke: stroke)
        case 2:
            raw("<path d=\"M\(s(x)),\(s(y - r * 1.1))L\(s(x + r)),\(s(y + r * 0.8))L\(s(x - r)),\(s(y + r * 0.8))Z\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>")
        case 3:
            raw("<path d=\"M\(s(x)),\(s(y - r * 1.2))L\(s(x + r * 1.2)),\(s(y))L\(s(x)),\(s(y + r * 1.2))L\(s(x - r * 1.2)),\(s(y))Z\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>")
        default:
            raw("<path d=\"M\(s(x)),\(s(y + r * 1.1))L\(s(x + r)),\(s(y - r * 0.8))L\(s(x - r)),\(s(y - r * 0.8))Z\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>")
        }
    }

    /// `text` cut (with "~") to fit `width` px at `size` px, by the same rough measure.
    static func fitted(_ text: String, width: Double, size: Double) -> String {
        TextLayout.clip(text, max(1, Int(width / (size * 0.6))))
    }

    /// Rough width of `text` at `size` px, for layout only (no font metrics at hand).
    static func estimatedWidth(_ text: String, size: Double = 12) -> Double {
        Double(text.count) * size * 0.6
    }

    var rendered: String {
        let w = Self.n(width), h = Self.n(height)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"100%\""
        out += " style=\"max-width:\(Int(width))px;height:auto\" role=\"img\" aria-label=\"\(Markup.escape(title))\""
        out += " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
        out += "<title>\(Markup.escape(title))</title>\n"
        out += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        for element in elements { out += element + "\n" }
        return out + "</svg>\n"
    }
}
