import Foundation

/// Puts math spans and inline-expression placeholders back where the parser left tokens.
struct TokenRestorer {
    var math: MathProtector
    /// Marks inline-expression tokens: `\(inlinePrefix)\(index)x`.
    var inlinePrefix: String
    var inlines: [InlineExpression]

    /// cmark's HTML with every token replaced by its element.
    func html(_ rendered: String) -> String {
        var text = replaceTokens(in: rendered, prefix: math.prefix) { index in
            let span = math.spans[index]
            let kind = span.display ? "math-display" : "math-inline"
            return "<span class=\"math \(kind)\">\(HTML.escape(span.tex))</span>"
        }
        text = replaceTokens(in: text, prefix: inlinePrefix) { inlines[$0].placeholder }
        return text
    }

    /// Plain text (a title) with every token replaced by what the author wrote.
    func plain(_ text: String) -> String {
        let restored = replaceTokens(in: text, prefix: math.prefix) { math.spans[$0].original }
        return replaceTokens(in: restored, prefix: inlinePrefix) { "{swift} " + inlines[$0].code }
    }

    /// Replaces `PREFIX<n>x` by `replacement(n)`, and drops the `PREFIX<n>c` tokens that carry
    /// a span's later lines, with the whitespace (the line break) before them. One pass over the
    /// bytes, so a page with many tokens costs time in proportion to its length.
    private func replaceTokens(in text: String, prefix: String, _ replacement: (Int) -> String) -> String {
        guard text.contains(prefix) else { return text }
        let bytes = Array(text.utf8), needle = Array(prefix.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == needle[0], Self.matches(needle, in: bytes, at: i) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var cursor = i + needle.count, index = 0, digits = 0
            while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]), digits < 18 {
                index = index * 10 + Int(bytes[cursor] - 0x30)
                cursor += 1
                digits += 1
            }
            guard digits > 0, cursor < bytes.count,
                  bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "c") else {
                out += needle
                i += needle.count
                continue
            }
            if bytes[cursor] == UInt8(ascii: "c") {
                // Whitespace before a continuation token is the line break the span used to hold.
                while let last = out.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D {
                    out.removeLast()
                }
            } else {
                out += Array(replacement(index).utf8)
            }
            i = cursor + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func matches(_ needle: [UInt8], in bytes: [UInt8], at start: Int) -> Bool {
        guard start + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[start + k] != needle[k] { return false }
        return true
    }
}
