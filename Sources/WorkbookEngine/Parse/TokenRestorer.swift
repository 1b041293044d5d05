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
    /// a span's later lines, with the line breaks before them.
    private func replaceTokens(in text: String, prefix: String, _ replacement: (Int) -> String) -> String {
        guard text.contains(prefix) else { return text }
        var result = ""
        var rest = Substring(text)
        while let found = rest.range(of: prefix) {
            var cursor = found.upperBound
            let digits = rest[cursor...].prefix(while: { $0.isASCII && $0.isNumber })
            cursor = digits.endIndex
            guard let index = Int(digits), cursor < rest.endIndex,
                  rest[cursor] == "x" || rest[cursor] == "c" else {
                result += rest[..<found.upperBound]
                rest = rest[found.upperBound...]
                continue
            }
            let continuation = rest[cursor] == "c"
            // Whitespace before a continuation token is the line break the span used to hold.
            var before = rest[..<found.lowerBound]
            if continuation { before = Self.droppingTrailingWhitespace(before) }
            result += before
            if !continuation { result += replacement(index) }
            rest = rest[rest.index(after: cursor)...]
        }
        return result + rest
    }

    private static func droppingTrailingWhitespace(_ text: Substring) -> Substring {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)].isWhitespace {
            end = text.index(before: end)
        }
        return text[..<end]
    }
}
