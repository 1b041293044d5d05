/// Rebuilds a display's HTML from an allow-list, so nothing a chapter program sends can run in
/// a reader's browser: the SVG and table elements the course library draws with, each with the
/// presentation attributes it uses. Everything else goes: `<script>`, `<style>`,
/// `<foreignObject>`, `<iframe>` and the like with their content; any other unknown tag (its
/// text stays); event handlers (`onload`), `href`s of every kind, `id`s, and any value holding
/// `url(`, `javascript:` or `expression(`. The output is re-serialised, not patched: every
/// attribute double-quoted and escaped, every text run escaped, every element closed, so what
/// the browser parses is exactly what was allowed.
enum DisplaySanitiser {
    static let svgElements: Set<String> = ["svg", "g", "rect", "line", "polyline", "polygon", "path", "circle",
                                           "ellipse", "text", "tspan", "title", "desc"]
    static let htmlElements: Set<String> = ["figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot",
                                            "tr", "th", "td", "span", "div", "p", "pre", "code", "b", "i",
                                            "em", "strong", "sub", "sup", "br"]
    static let voidElements: Set<String> = ["br"]
    /// Dropped together with everything inside them.
    static let droppedWithContent: Set<String> = ["script", "style", "foreignobject", "iframe", "object", "embed",
                                                  "template", "noscript", "textarea", "math", "svg:script",
                                                  "title-script", "xmp", "noembed", "noframes", "plaintext"]
    static let attributes: Set<String> = [
        "class", "style", "role", "aria-label", "aria-hidden", "colspan", "rowspan",
        "xmlns", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
        "dx", "dy", "d", "points", "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linejoin",
        "stroke-linecap", "stroke-opacity", "fill-opacity", "opacity", "transform", "text-anchor",
        "dominant-baseline", "font-family", "font-size", "font-weight", "font-style", "preserveAspectRatio",
    ]
    static let forbiddenInValues = ["url(", "javascript:", "expression(", "@import", "\\", "<", "vbscript:", "data:"]

    static func sanitise(_ html: String) -> String {
        var parser = Parser(Array(html.utf8))
        return parser.run()
    }

    private struct Parser {
        let input: [UInt8]
        var i = 0
        var out: [UInt8] = []
        var open: [String] = []

        init(_ input: [UInt8]) {
            self.input = input
            out.reserveCapacity(input.count)
        }

        mutating func run() -> String {
            while i < input.count {
                if input[i] == UInt8(ascii: "<") {
                    tag()
                } else {
                    let start = i
                    while i < input.count && input[i] != UInt8(ascii: "<") { i += 1 }
                    text(input[start..<i])
                }
            }
            for name in open.reversed() { out += Array("</\(name)>".utf8) }
            return String(decoding: out, as: UTF8.self)
        }

        /// Text: entities decoded, then escaped again, so `&amp;` stays `&amp;` and a bare `&` is escaped.
        mutating func text(_ bytes: ArraySlice<UInt8>) {
            out += Array(HTML.escape(decodeEntities(bytes)).utf8)
        }

        mutating func tag() {
            let rest = input[i...]
            if rest.starts(with: Array("<!--".utf8)) {
                i = find(Array("-->".utf8), from: i + 4).map { $0 + 3 } ?? input.count
                return
            }
            if rest.starts(with: Array("<!".utf8)) || rest.starts(with: Array("<?".utf8)) {
                i = find([UInt8(ascii: ">")], from: i).map { $0 + 1 } ?? input.count
                return
            }
            var j = i + 1
            let closing = j < input.count && input[j] == UInt8(ascii: "/")
            if closing { j += 1 }
            let nameStart = j
            while j < input.count && isNameByte(input[j]) { j += 1 }
            let name = String(decoding: input[nameStart..<j], as: UTF8.self)
            guard !name.isEmpty else {
                // A lone `<`: text.
                text(input[i..<(i + 1)])
                i += 1
                return
            }
            let lower = name.lowercased()
            let (attributes, selfClosing, end) = parseAttributes(from: j)
            i = end
            if closing {
                if let depth = open.lastIndex(of: lower) {
                    for name in open[depth...].reversed() { out += Array("</\(name)>".utf8) }
                    open.removeSubrange(depth...)
                }
                return
            }
            if droppedWithContent.contains(lower) {
                if !selfClosing { skipPast(closing: lower) }
                return
            }
            let svg = svgElements.contains(lower)
            guard svg || htmlElements.contains(lower) else { return }
            out += Array("<\(lower)".utf8)
            for (key, value) in attributes where allowed(key, value, element: lower) {
                out += Array(" \(key)=\"\(HTML.escape(value))\"".utf8)
            }
            if voidElements.contains(lower) {
                out += Array(">".utf8)
            } else if selfClosing {
                out += Array("></\(lower)>".utf8)
            } else {
                out += Array(">".utf8)
                open.append(lower)
            }
        }

        func allowed(_ key: String, _ value: String, element: String) -> Bool {
            guard attributes.contains(key) else { return false }
            if key == "xmlns" { return value == "http://www.w3.org/2000/svg" }
            let folded = value.lowercased().filter { !$0.isWhitespace }
            return !forbiddenInValues.contains { folded.contains($0) }
        }

        /// Attributes up to the tag's `>`: (name, decoded value) pairs, whether it ended `/>`,
        /// and where the tag ends.
        func parseAttributes(from start: Int) -> ([(String, String)], Bool, Int) {
            var j = start
            var found: [(String, String)] = []
            var selfClosing = false
            while j < input.count {
                let byte = input[j]
                if byte == UInt8(ascii: ">") { return (found, selfClosing, j + 1) }
                if byte == UInt8(ascii: "/") { selfClosing = true; j += 1; continue }
                if isSpace(byte) { j += 1; continue }
                selfClosing = false
                let nameStart = j
                while j < input.count && !isSpace(input[j]) && input[j] != UInt8(ascii: "=")
                        && input[j] != UInt8(ascii: ">") && input[j] != UInt8(ascii: "/") { j += 1 }
                let name = String(decoding: input[nameStart..<j], as: UTF8.self)
                while j < input.count && isSpace(input[j]) { j += 1 }
                var value = ""
                if j < input.count && input[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < input.count && isSpace(input[j]) { j += 1 }
                    if j < input.count && (input[j] == UInt8(ascii: "\"") || input[j] == UInt8(ascii: "'")) {
                        let quote = input[j]
                        let valueStart = j + 1
                        j = valueStart
                        while j < input.count && input[j] != quote { j += 1 }
                        value = decodeEntities(input[valueStart..<min(j, input.count)])
                        j += 1
                    } else {
                        let valueStart = j
                        while j < input.count && !isSpace(input[j]) && input[j] != UInt8(ascii: ">") { j += 1 }
                        value = decodeEntities(input[valueStart..<j])
                    }
                }
                if !name.isEmpty { found.append((name, value)) }
            }
            return (found, selfClosing, input.count)
        }

        /// Skips to just past `</name…>` (case-insensitive), or to the end.
        mutating func skipPast(closing name: String) {
            let wanted = Array("</\(name)".utf8)
            var j = i
            while j + wanted.count <= input.count {
                if input[j] == UInt8(ascii: "<"),
                   zip(input[j..<(j + wanted.count)], wanted).allSatisfy({ lowercase($0) == $1 }) {
                    i = find([UInt8(ascii: ">")], from: j).map { $0 + 1 } ?? input.count
                    return
                }
                j += 1
            }
            i = input.count
        }

        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard needle.count <= input.count else { return nil }
            var j = start
            while j + needle.count <= input.count {
                if input[j] == needle[0] && input[j..<(j + needle.count)].elementsEqual(needle) { return j }
                j += 1
            }
            return nil
        }

        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
        }

        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

        func lowercase(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }

        /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&apos;`, `&nbsp;` and numeric references;
        /// anything else keeps its `&`.
        func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
            guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
            let text = String(decoding: bytes, as: UTF8.self)
            var result = ""
            var rest = text[...]
            while let amp = rest.firstIndex(of: "&") {
                result += rest[..<amp]
                let after = rest[rest.index(after: amp)...]
                if let semicolon = after.prefix(12).firstIndex(of: ";") {
                    let name = String(after[..<semicolon])
                    if let decoded = Self.entity(name) {
                        result += decoded
                        rest = after[after.index(after: semicolon)...]
                        continue
                    }
                }
                result += "&"
                rest = after
            }
            return result + rest
        }

        static func entity(_ name: String) -> String? {
            switch name {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "apos": return "'"
            case "nbsp": return "\u{00A0}"
            default:
                guard name.hasPrefix("#") else { return nil }
                let digits = name.dropFirst()
                let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                    ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
                return String(Character(scalar))
            }
        }
    }
}
