/// Hides `$…$` and `$$…$$` from cmark, which would otherwise read `a_1 * b_2` as emphasis.
///
/// Each math span becomes an alphanumeric token that cmark leaves alone; a span over several
/// lines becomes one token per line, so every line keeps its number. The rules follow pandoc:
/// an inline opener `$` is followed by a non-space, its closer is preceded by a non-space and
/// not followed by a digit (so "$5 and $6" is not math); `\$` is a literal dollar; nothing in
/// code blocks or code spans is touched; math never crosses a blank line.
struct MathProtector {
    struct Span {
        var display: Bool
        /// The TeX between the delimiters.
        var tex: String
        /// The span as written, delimiters included (for plain-text titles).
        var original: String
    }

    /// Marks the start of every token; chosen so that it does not occur in the source.
    let prefix: String
    private(set) var spans: [Span] = []

    init(source: String) {
        var prefix = "WbMathZ"
        while source.contains(prefix) { prefix += "Q" }
        self.prefix = prefix
    }

    /// The token that stands for span `index` on its first line; `continuation` marks later lines.
    func token(_ index: Int, continuation: Bool = false) -> String {
        "\(prefix)\(index)\(continuation ? "c" : "x")"
    }

    /// `lines` are the source's lines without their "\n"; lines in `excluded` (code blocks)
    /// are copied untouched and end any paragraph. Returns the protected text.
    mutating func protect(lines: [Substring], excluded: Set<Int>) -> String {
        var output: [String] = []
        var paragraph: [Substring] = []
        func flush() {
            if !paragraph.isEmpty { output.append(contentsOf: protectParagraph(paragraph)) }
            paragraph.removeAll()
        }
        for (offset, line) in lines.enumerated() {
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            if excluded.contains(offset + 1) || blank {
                flush()
                output.append(String(line))
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return output.joined(separator: "\n")
    }

    /// Protects one run of non-blank lines; returns the same number of lines.
    private mutating func protectParagraph(_ lines: [Substring]) -> [String] {
        let text = Array(lines.joined(separator: "\n").utf8)
        var out: [UInt8] = []
        var i = 0
        while i < text.count {
            let byte = text[i]
            if byte == UInt8(ascii: "\\"), i + 1 < text.count {
                out += text[i...i + 1]
                i += 2
            } else if byte == UInt8(ascii: "`") {
                let end = Self.codeSpanEnd(text, from: i)
                out += text[i..<end]
                i = end
            } else if byte == UInt8(ascii: "$"), let end = mathEnd(text, from: i) {
                let display = text[i + 1] == UInt8(ascii: "$")
                let delimiter = display ? 2 : 1
                let original = String(decoding: text[i..<end], as: UTF8.self)
                let tex = String(decoding: text[(i + delimiter)..<(end - delimiter)], as: UTF8.self)
                let index = spans.count
                spans.append(Span(display: display, tex: tex, original: original))
                let lineCount = 1 + text[i..<end].filter { $0 == 0x0A }.count
                let tokens = [token(index)] + Array(repeating: token(index, continuation: true), count: lineCount - 1)
                out += Array(tokens.joined(separator: "\n").utf8)
                i = end
            } else {
                out.append(byte)
                i += 1
            }
        }
        return ChapterParser.sourceLines(String(decoding: out, as: UTF8.self)).map(String.init)
    }

    /// End (exclusive) of the code span whose backtick run starts at `start`; when the run has
    /// no closing run of the same length, just past the run (the backticks are literal).
    static func codeSpanEnd(_ text: [UInt8], from start: Int) -> Int {
        let tick = UInt8(ascii: "`")
        func runEnd(_ i: Int) -> Int {
            var j = i
            while j < text.count, text[j] == tick { j += 1 }
            return j
        }
        let openEnd = runEnd(start)
        let length = openEnd - start
        var j = openEnd
        while j < text.count {
            if text[j] == tick {
                let closeEnd = runEnd(j)
                if closeEnd - j == length { return closeEnd }
                j = closeEnd
            } else {
                j += 1
            }
        }
        return openEnd
    }

    /// End (exclusive) of the math span opening at `start`, or nil when this `$` opens none.
    private func mathEnd(_ text: [UInt8], from start: Int) -> Int? {
        let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\")
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }

        if start + 1 < text.count, text[start + 1] == dollar {
            // Display: everything up to the next unescaped `$$`; must hold something.
            var j = start + 2
            while j + 1 < text.count {
                if text[j] == backslash { j += 2; continue }
                if text[j] == dollar, text[j + 1] == dollar {
                    let content = text[(start + 2)..<j]
                    return content.allSatisfy(isSpace) ? nil : j + 2
                }
                j += 1
            }
            return nil
        }
        guard start + 1 < text.count, !isSpace(text[start + 1]) else { return nil }
        var j = start + 1
        while j < text.count {
            if text[j] == backslash { j += 2; continue }
            if text[j] == dollar {
                let closes = !isSpace(text[j - 1]) && !(j + 1 < text.count && isDigit(text[j + 1]))
                if closes { return j + 1 }
            }
            j += 1
        }
        return nil
    }
}
