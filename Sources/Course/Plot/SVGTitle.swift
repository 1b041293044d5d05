/// A plot's title in SVG: one bold 16 px line when it fits, otherwise broken at a space onto
/// a second line, so any title the 72-column text form shows whole is shown whole here too
/// (one 16 px line holds only about 47 characters of the 480 px plot).
struct SVGTitle {
    static let size = 16.0
    static let lineHeight = 20.0
    /// Baseline of the first line, from the top of the document.
    static let firstBaseline = 24.0

    let lines: [String]

    init(_ title: String, width: Double) {
        let perLine = max(1, Int(width / (Self.size * 0.6)))
        guard title.count > perLine else {
            lines = title.isEmpty ? [] : [title]
            return
        }
        let characters = Array(title)
        // Break at the last space that fits, unless that leaves a very short first line.
        let space = characters[..<(perLine + 1)].lastIndex(of: " ").flatMap { $0 >= perLine / 2 ? $0 : nil }
        let first = String(characters[..<(space ?? perLine)])
        let rest = String(characters[(space.map { $0 + 1 } ?? perLine)...])
        lines = [first, TextLayout.clip(rest, perLine)]
    }

    /// Height the title takes beyond the one line every titled plot leaves room for.
    var extraHeight: Double { Double(max(0, lines.count - 1)) * Self.lineHeight }

    /// Estimated width of the widest line.
    var width: Double { lines.map { SVGDocument.estimatedWidth($0, size: Self.size) }.max() ?? 0 }

    func draw(_ doc: inout SVGDocument, centreX: Double) {
        for (index, line) in lines.enumerated() {
            doc.text(line, x: centreX, y: Self.firstBaseline + Double(index) * Self.lineHeight,
                     anchor: "middle", size: Self.size, bold: true)
        }
    }
}
