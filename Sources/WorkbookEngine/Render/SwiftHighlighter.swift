/// Swift syntax highlighting for cell source, as HTML spans.
/// A small lexer of our own because swift-syntax, the only Swift parser available offline,
/// would add minutes to every fresh release build.
enum SwiftHighlighter {
    static func html(_ code: String) -> String {
        var lexer = HighlightLexer(Array(code.unicodeScalars))
        lexer.code(insideInterpolation: false)
        return lexer.out
    }

    static let keywords: Set<String> = [
        "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch",
        "class", "continue", "convenience", "default", "defer", "deinit", "do", "else", "enum",
        "extension", "fallthrough", "false", "fileprivate", "final", "for", "func", "guard", "if",
        "import", "in", "indirect", "init", "inout", "internal", "is", "lazy", "let", "mutating",
        "nil", "nonisolated", "nonmutating", "open", "operator", "override", "private",
        "protocol", "public", "repeat", "rethrows", "return", "self", "Self", "some", "static",
        "struct", "subscript", "super", "switch", "throw", "throws", "true", "try", "typealias",
        "var", "weak", "where", "while", "consuming", "borrowing", "sending",
    ]
}

/// Walks the source once, writing escaped text wrapped in `hl-*` spans.
struct HighlightLexer {
    private let s: [Unicode.Scalar]
    private var i = 0
    private(set) var out = ""

    init(_ scalars: [Unicode.Scalar]) {
        s = scalars
        out.reserveCapacity(scalars.count * 2)
    }

    /// Code up to the end, or, inside `\( … )`, up to the `)` that closes the interpolation.
    mutating func code(insideInterpolation: Bool) {
        var depth = 0
        while i < s.count {
            let c = s[i]
            if insideInterpolation {
                if c == "(" { depth += 1 }
                if c == ")" {
                    if depth == 0 { return }
                    depth -= 1
                }
            }
            if c == "/" && at(1) == "/" {
                lineComment()
            } else if c == "/" && at(1) == "*" {
                blockComment()
            } else if c == "\"" || (c == "#" && rawStringAhead()) {
                string()
            } else if c == "@" && isIdentifierStart(at(1)) {
                span("hl-attr") { $0.identifier(skipping: 1) }
            } else if c == "#" && isIdentifierStart(at(1)) {
                span("hl-dir") { $0.identifier(skipping: 1) }
            } else if c.properties.numericType != nil && c.isASCII {
                span("hl-num") { $0.number() }
            } else if isIdentifierStart(c) {
                word()
            } else {
                emit(c)
                i += 1
            }
        }
    }

    // MARK: Tokens

    private mutating func lineComment() {
        span("hl-com") { lexer in
            while let c = lexer.at(0), c != "\n" { lexer.take() }
        }
    }

    /// Swift block comments nest: `/* a /* b */ still comment */`.
    private mutating func blockComment() {
        span("hl-com") { lexer in
            var depth = 0
            while lexer.i < lexer.s.count {
                if lexer.at(0) == "/" && lexer.at(1) == "*" {
                    depth += 1
                    lexer.take(2)
                } else if lexer.at(0) == "*" && lexer.at(1) == "/" {
                    depth -= 1
                    lexer.take(2)
                    if depth == 0 { return }
                } else {
                    lexer.take()
                }
            }
        }
    }

    /// `"…"`, `"""…"""` and raw `#"…"#`, with escapes and `\( … )` interpolation (whose code
    /// is highlighted as code, strings within it included).
    private mutating func string() {
        var hashes = 0
        while at(hashes) == "#" { hashes += 1 }
        let multiline = at(hashes) == "\"" && at(hashes + 1) == "\"" && at(hashes + 2) == "\""
        let quotes = multiline ? 3 : 1
        out += "<span class=\"hl-str\">"
        take(hashes + quotes)
        while i < s.count {
            if closesString(quotes: quotes, hashes: hashes) {
                take(quotes + hashes)
                break
            }
            if !multiline && at(0) == "\n" { break }  // Unterminated: stop at the line's end.
            if at(0) == "\\" && (0..<hashes).allSatisfy({ at(1 + $0) == "#" }) {
                if at(1 + hashes) == "(" {
                    take(2 + hashes)
                    out += "</span>"
                    code(insideInterpolation: true)
                    out += "<span class=\"hl-str\">"
                    if i < s.count { take() }  // The closing `)`.
                    continue
                }
                take(1 + hashes)
            }
            if i < s.count { take() }
        }
        out += "</span>"
    }

    private func closesString(quotes: Int, hashes: Int) -> Bool {
        (0..<quotes).allSatisfy { at($0) == "\"" } && (0..<hashes).allSatisfy { at(quotes + $0) == "#" }
    }

    private func rawStringAhead() -> Bool {
        var n = 0
        while at(n) == "#" { n += 1 }
        return at(n) == "\""
    }

    /// Digits, `_`, hex digits, a fraction and an exponent with its sign: `1_000`, `0x1Fp-2`, `1.5e-3`.
    private mutating func number() {
        let hex = at(0) == "0" && (at(1) == "x" || at(1) == "X")
        let exponents: Set<Unicode.Scalar> = hex ? ["p", "P"] : ["e", "E"]
        while let c = at(0) {
            if isIdentifierContinue(c) {
                take()
            } else if c == ".", let next = at(1), next.isASCII, next.properties.numericType != nil {
                take()
            } else if (c == "+" || c == "-"), let previous = at(-1), exponents.contains(previous) {
                take()
            } else {
                break
            }
        }
    }

    /// A keyword, a type (capitalised), or a plain name.
    private mutating func word() {
        let start = i
        while let c = at(0), isIdentifierContinue(c) { i += 1 }
        var text = ""
        text.unicodeScalars.append(contentsOf: s[start..<i])
        let first = s[start]
        // After a dot a keyword is a member name (`.default`, `.for`), except these two.
        let isMember = start > 0 && s[start - 1] == "." && text != "init" && text != "self"
        if SwiftHighlighter.keywords.contains(text) && !isMember {
            out += "<span class=\"hl-kw\">\(text)</span>"
        } else if first.properties.isUppercase {
            out += "<span class=\"hl-type\">\(HTML.escape(text))</span>"
        } else {
            out += HTML.escape(text)
        }
    }

    private mutating func identifier(skipping prefix: Int) {
        take(prefix)
        while let c = at(0), isIdentifierContinue(c) { take() }
    }

    // MARK: Helpers

    private func at(_ offset: Int) -> Unicode.Scalar? {
        let j = i + offset
        return j >= 0 && j < s.count ? s[j] : nil
    }

    private mutating func take(_ count: Int = 1) {
        for _ in 0..<count where i < s.count {
            emit(s[i])
            i += 1
        }
    }

    private mutating func emit(_ c: Unicode.Scalar) {
        HTML.appendEscaped(c, to: &out)
    }

    private mutating func span(_ cssClass: String, _ body: (inout HighlightLexer) -> Void) {
        out += "<span class=\"\(cssClass)\">"
        body(&self)
        out += "</span>"
    }

    private func isIdentifierStart(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c == "_" || c == "$" || c.properties.isXIDStart
    }

    private func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c == "$" || c.properties.isXIDContinue
    }
}
