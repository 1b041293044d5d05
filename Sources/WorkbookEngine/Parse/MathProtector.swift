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
    /// are copied untouched and end any paragraph, as do blank lines and lines that are only
    /// block-quote markers. Returns the protected text.
    mutating func protect(lines: [Substring], excluded: Set<Int>) -> String {
        var output: [String] = []
        var paragraph: [Substring] = []
        func flush() {
            if !paragraph.isEmpty { output.append(contentsOf: protectParagraph(paragraph)) }
            paragraph.removeAll()
        }
        for (offset, line) in lines.enumerated() {
            let rest = line.utf8.dropFirst(Self.quotePrefixLength(line.utf8))
            let blank = rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
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

    /// Protects one run of non-blank lines; returns the same number of lines. Every scan is
    /// answered from tables built in one pass (`Lookahead`), so a paragraph of n bytes costs
    /// O(n) however many `$` or backticks never close.
    private mutating func protectParagraph(_ lines: [Substring]) -> [String] {
        let text = Array(lines.joined(separator: "\n").utf8)
        let ahead = Lookahead(text)
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            let byte = text[i]
            if byte == UInt8(ascii: "\\"), i + 1 < text.count {
                out += text[i...i + 1]
                i += 2
            } else if byte == UInt8(ascii: "`") {
                let end = ahead.codeSpanEnd(from: i)
                out += text[i..<end]
                i = end
            } else if byte == UInt8(ascii: "$"), let end = ahead.mathEnd(from: i) {
                let display = text[i + 1] == UInt8(ascii: "$")
                let delimiter = display ? 2 : 1
                let original = String(decoding: text[i..<end], as: UTF8.self)
                let tex = Self.withoutQuoteMarkers(text[(i + delimiter)..<(end - delimiter)])
                let index = spans.count
                spans.append(Span(display: display, tex: tex, original: original))
                // One token per line; a later line keeps its block-quote markers, so cmark
                // still sees the quote, and the restorer drops the line break before it.
                var first = true
                for j in i..<end where text[j] == 0x0A {
                    out += Array((first ? token(index) : token(index, continuation: true)).utf8)
                    first = false
                    out.append(0x0A)
                    out += text[(j + 1)..<(j + 1 + Self.quotePrefixLength(text[(j + 1)..<end]))]
                }
                out += Array((first ? token(index) : token(index, continuation: true)).utf8)
                i = end
            } else {
                out.append(byte)
                i += 1
            }
        }
        return ChapterParser.sourceLines(String(decoding: out, as: UTF8.self)).map(String.init)
    }

    /// Bytes of block-quote markers (`>`, `> > `, up to three spaces before each) that start a line.
    static func quotePrefixLength<C: Collection>(_ line: C) -> Int where C.Element == UInt8 {
        var length = 0, offset = 0
        var index = line.startIndex
        func at(_ i: C.Index) -> UInt8? { i < line.endIndex ? line[i] : nil }
        while true {
            var spaces = 0
            while at(index) == 0x20, spaces < 3 { index = line.index(after: index); spaces += 1; offset += 1 }
            guard at(index) == UInt8(ascii: ">") else { return length }
            index = line.index(after: index); offset += 1
            if at(index) == 0x20 { index = line.index(after: index); offset += 1 }
            length = offset
        }
    }

    /// A formula's TeX with the block-quote markers of its later lines removed: they belong
    /// to the Markdown around the formula, not to the maths.
    static func withoutQuoteMarkers(_ tex: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(tex.count)
        var i = tex.startIndex
        while i < tex.endIndex {
            out.append(tex[i])
            if tex[i] == 0x0A { i += 1 + quotePrefixLength(tex[(i + 1)...]) } else { i += 1 }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// For every position, where the next candidate closer is: the answers the left-to-right
    /// scans of `mathEnd` and `codeSpanEnd` would find, precomputed right to left.
    private struct Lookahead {
        let text: [UInt8]
        /// Next `$` at or after a position that may close inline maths: not escaped, not after
        /// whitespace, not before a digit.
        private var inlineCloser: [Int32]
        /// Next unescaped `$$` at or after a position (the index of its first `$`).
        private var displayCloser: [Int32]
        /// Backtick runs in order: start and length; and, for each run, the index of the next
        /// run of the same length.
        private var runStarts: [Int] = []
        private var runLengths: [Int] = []
        private var nextSameLength: [Int] = []
        private var runAt: [Int: Int] = [:]

        init(_ text: [UInt8]) {
            self.text = text
            let n = text.count
            let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\"), tick = UInt8(ascii: "`")
            // Escaped: preceded by an odd run of backslashes.
            var escaped = [Bool](repeating: false, count: n)
            var run = 0
            for k in 0..<n {
                escaped[k] = run % 2 == 1
                run = text[k] == backslash ? run + 1 : 0
            }
            inlineCloser = [Int32](repeating: -1, count: n + 1)
            displayCloser = [Int32](repeating: -1, count: n + 1)
            var k = n - 1
            while k >= 0 {
                inlineCloser[k] = inlineCloser[k + 1]
                displayCloser[k] = displayCloser[k + 1]
                if text[k] == dollar, !escaped[k] {
                    if k > 0, !Self.isSpace(text[k - 1]), !(k + 1 < n && Self.isDigit(text[k + 1])) {
                        inlineCloser[k] = Int32(k)
                    }
                    if k + 1 < n, text[k + 1] == dollar { displayCloser[k] = Int32(k) }
                }
                k -= 1
            }
            var j = 0
            while j < n {
                guard text[j] == tick else { j += 1; continue }
                var end = j
                while end < n, text[end] == tick { end += 1 }
                runAt[j] = runStarts.count
                runStarts.append(j)
                runLengths.append(end - j)
                j = end
            }
            nextSameLength = [Int](repeating: -1, count: runStarts.count)
            var lastOfLength: [Int: Int] = [:]
            for r in stride(from: runStarts.count - 1, through: 0, by: -1) {
                nextSameLength[r] = lastOfLength[runLengths[r]] ?? -1
                lastOfLength[runLengths[r]] = r
            }
        }

        static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }

        /// End (exclusive) of the code span whose backtick run starts at `start`; when the run
        /// has no closing run of the same length, just past the run (the backticks are literal).
        func codeSpanEnd(from start: Int) -> Int {
            guard let r = runAt[start] else { return Self.scanCodeSpanEnd(text, from: start) }
            let next = nextSameLength[r]
            return next >= 0 ? runStarts[next] + runLengths[next] : start + runLengths[r]
        }

        /// The plain left-to-right scan, for a run that starts inside a longer one (after `\\``),
        /// which the table does not index.
        static func scanCodeSpanEnd(_ text: [UInt8], from start: Int) -> Int {
            let tick = UInt8(ascii: "`")
            func runEnd(_ i: Int) -> Int {
                var j = i
                while j < text.count, text[j] == tick { j += 1 }
                return j
            }
            let openEnd = runEnd(start)
            var j = openEnd
            while j < text.count {
                guard text[j] == tick else { j += 1; continue }
                let closeEnd = runEnd(j)
                if closeEnd - j == openEnd - start { return closeEnd }
                j = closeEnd
            }
            return openEnd
        }

        /// End (exclusive) of the maths opening at `start`, or nil when this `$` opens none.
        func mathEnd(from start: Int) -> Int? {
            let dollar = UInt8(ascii: "$")
            if start + 1 < text.count, text[start + 1] == dollar {
                // Display: up to the next unescaped `$$`; must hold something.
                let close = Int(displayCloser[min(start + 2, text.count)])
                guard close >= 0 else { return nil }
                return text[(start + 2)..<close].allSatisfy(Self.isSpace) ? nil : close + 2
            }
            guard start + 1 < text.count, !Self.isSpace(text[start + 1]) else { return nil }
            let close = Int(inlineCloser[start + 1])
            return close >= 0 ? close + 1 : nil
        }
    }
}
