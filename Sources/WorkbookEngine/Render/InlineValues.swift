/// Puts the values of `` `{swift} expr` `` into the prose in place of the parser's placeholders.
enum InlineValues {
    private static let opening = "<wb-inline data-index=\""
    private static let closing = "\"></wb-inline>"

    static func substitute(in html: String, values: [Int: String]) -> String {
        guard html.contains(opening) else { return html }
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: opening) {
            out += rest[..<start.lowerBound]
            let afterOpening = rest[start.upperBound...]
            let digits = afterOpening.prefix { $0.isASCII && $0.isNumber }
            let tail = afterOpening[digits.endIndex...]
            guard let index = Int(digits), tail.hasPrefix(closing) else {
                // Not one of ours (the parser escapes author text, so this does not happen): keep as is.
                out += rest[start]
                rest = afterOpening
                continue
            }
            out += value(values[index])
            rest = tail.dropFirst(closing.count)
        }
        out += rest
        return out
    }

    static func value(_ text: String?) -> String {
        guard let text else {
            return "<span class=\"inline-missing\" title=\"The chapter stopped before computing this value\">"
                + "not computed</span>"
        }
        return "<span class=\"inline-value\">\(HTML.escape(text))</span>"
    }
}
