/// What an exercise block may not contain, because the checks and the generated program rely on
/// it: declarations of the names the runtime and its checks use (`expect…`, `ChapterSession`,
/// `Notebook`, `main`, the glue's `__workbook…`), and the directives and attributes that would
/// let code name what it should not (`#sourceLocation`, `@testable`, `@_silgen_name`, `@_cdecl`,
/// `@main`, …). A student who writes `func expectEqual<T>(_: T, _: T) -> Bool { true }` would
/// otherwise pass every check that calls it.
///
/// The scan is lexical: comments and string literals are skipped, then every declaration keyword
/// is looked at with the name(s) it introduces. Used for every exercise cell that runs (build,
/// check, grade); a violation fails that exercise like a compile error would.
public enum ExerciseCodeRules {
    /// Names an exercise may not declare (exact), and prefixes it may not declare names with.
    static let reservedNames: Set<String> = ["ChapterSession", "Notebook", "main", "WorkbookRuntime",
                                             "WorkbookProtocol", "Course"]
    static let reservedPrefixes = ["__workbook"]
    static let declarationKeywords: Set<String> = ["func", "var", "let", "struct", "class", "enum", "protocol",
                                                   "typealias", "actor", "case", "extension",
                                                   "associatedtype", "macro"]
    /// Directives and attributes an exercise may not use, with why.
    static let forbiddenMarks: [(mark: String, why: String)] = [
        ("#sourceLocation", "it would make diagnostics and checks point at the wrong place"),
        ("@testable", "it would reach the runtime's internals"),
        ("@_silgen_name", "it would bind to the runtime's internal symbols"),
        ("@_cdecl", "it would define C symbols the runtime uses"),
        ("@_section", "it would run code before the chapter starts"),
        ("@_used", "it would run code before the chapter starts"),
        ("@main", "the chapter program has its own entry point"),
        ("@_spi", "it would reach the runtime's private interfaces"),
    ]

    /// One `FILE:LINE:COL: error` diagnostic per violation in `cell`, in source order.
    public static func violations(in cell: Cell, path: String) -> [Diagnostic] {
        violations(inCode: cell.code, firstLine: cell.firstCodeLine, path: path)
    }

    static func violations(inCode code: String, firstLine: Int, path: String) -> [Diagnostic] {
        let tokens = SwiftTokens.scan(code)
        var found: [Diagnostic] = []
        func report(_ token: SwiftTokens.Token, _ message: String) {
            found.append(Diagnostic(file: path, line: firstLine + token.line, column: token.column,
                                    severity: "error", message: message))
        }
        var index = 0
        // Only top-level declarations shadow what the checks call: a method `expect()` inside a
        // type, or an `==` of a student's own Equatable type, is fine.
        var depth = 0
        var declared = Set<Int>()
        while index < tokens.count {
            let token = tokens[index]
            if token.text == "{" { depth += 1 }
            if token.text == "}" { depth = max(0, depth - 1) }
            if let rule = forbiddenMarks.first(where: { $0.mark == token.text }) {
                report(token, "an exercise may not use \(rule.mark): \(rule.why)")
            } else if depth == 0 && declarationKeywords.contains(token.text) {
                for name in declaredNames(after: index, in: tokens) {
                    declared.insert(tokens.firstIndex(of: name) ?? -1)
                    if isReserved(name.text) {
                        report(name, "an exercise may not declare `\(name.text)`: the runtime and the checks use that name")
                    }
                }
                if token.text == "func", index + 1 < tokens.count, !tokens[index + 1].isIdentifier {
                    report(tokens[index + 1], "an exercise may not declare an operator function at the top level: the checks use the operators")
                }
            } else if token.text == "ChapterSession" && !declared.contains(index) {
                report(token, "an exercise may not use `ChapterSession`: it is the engine's own API")
            }
            index += 1
        }
        return found
    }

    /// A violation as a line offset within the block's code (0-based) and its message.
    public struct Violation: Equatable, Sendable {
        public var lineOffset: Int
        public var message: String
    }

    /// The violations in an exercise block's code, lines counted from its first code line.
    public static func violations(in code: String) -> [Violation] {
        violations(inCode: code, firstLine: 0, path: "").map { Violation(lineOffset: $0.line, message: $0.message) }
    }

    /// `expect` and `expect` followed by a capital (`expectEqual`, `expectClose`, any later
    /// `expectThrows`), but not a student's `expected` or `expectation`.
    static func isReserved(_ name: String) -> Bool {
        if reservedNames.contains(name) || reservedPrefixes.contains(where: { name.hasPrefix($0) }) { return true }
        guard name.hasPrefix("expect") else { return false }
        let rest = name.dropFirst("expect".count)
        return rest.first.map { $0.isUppercase } ?? true
    }

    /// The name a declaration keyword introduces; for `let`/`var`/`case`, every name of a tuple
    /// pattern or comma list up to `=`, `:`, `{` or the line's end.
    private static func declaredNames(after keyword: Int, in tokens: [SwiftTokens.Token]) -> [SwiftTokens.Token] {
        guard keyword + 1 < tokens.count else { return [] }
        let kind = tokens[keyword].text
        guard ["let", "var", "case"].contains(kind) else {
            let next = tokens[keyword + 1]
            return next.isIdentifier ? [next] : []
        }
        var names: [SwiftTokens.Token] = []
        var depth = 0
        var expectName = true
        var index = keyword + 1
        while index < tokens.count, tokens[index].line == tokens[keyword].line {
            let token = tokens[index]
            switch token.text {
            case "(": depth += 1; expectName = true
            case ")": depth -= 1
            case ",": expectName = true
            case "=", "{": if depth <= 0 { return names }
            case ":": if depth <= 0 { expectName = false }
            default:
                if expectName && token.isIdentifier {
                    names.append(token)
                    expectName = false
                }
            }
            index += 1
        }
        return names
    }
}

/// A small Swift lexer: identifiers (backticks removed), `#word` and `@word` marks and single
/// punctuation characters, with each token's 0-based line and 1-based column. Comments (nested
/// block comments included) and string literals (multi-line and raw ones included) are skipped.
enum SwiftTokens {
    struct Token: Equatable {
        var text: String
        var line: Int
        var column: Int
        var isIdentifier: Bool
    }

    static func scan(_ code: String) -> [Token] {
        let chars = Array(code.unicodeScalars)
        var tokens: [Token] = []
        var line = 0
        var lineStart = 0
        var i = 0
        func advance(_ count: Int = 1) {
            for _ in 0..<count where i < chars.count {
                if chars[i] == "\n" { line += 1; lineStart = i + 1 }
                i += 1
            }
        }
        func at(_ text: String, _ offset: Int = 0) -> Bool {
            let wanted = Array(text.unicodeScalars)
            guard i + offset + wanted.count <= chars.count else { return false }
            return Array(chars[(i + offset)..<(i + offset + wanted.count)]) == wanted
        }
        func isIdentifierScalar(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) || c.properties.isEmojiPresentation
        }
        while i < chars.count {
            let c = chars[i]
            if at("//") {
                while i < chars.count && chars[i] != "\n" { advance() }
            } else if at("/*") {
                var depth = 0
                repeat {
                    if at("/*") { depth += 1; advance(2) } else if at("*/") { depth -= 1; advance(2) } else { advance() }
                } while depth > 0 && i < chars.count
            } else if c == "#" && (at("\"", 1) || at("#", 1)) {
                // Raw string: #…#"…"#…#
                var hashes = 0
                while i < chars.count && chars[i] == "#" { hashes += 1; advance() }
                if i < chars.count && chars[i] == "\"" {
                    skipString(hashes: hashes, chars: chars, at: at, advance: advance, index: { i })
                }
            } else if c == "\"" {
                skipString(hashes: 0, chars: chars, at: at, advance: advance, index: { i })
            } else if c == "#" || c == "@" || c == "`" || isIdentifierScalar(c) {
                let column = i - lineStart + 1
                let startLine = line
                var text = ""
                if c == "#" || c == "@" { text.unicodeScalars.append(c); advance() }
                let quoted = i < chars.count && chars[i] == "`"
                if quoted { advance() }
                while i < chars.count && isIdentifierScalar(chars[i]) { text.unicodeScalars.append(chars[i]); advance() }
                if quoted && i < chars.count && chars[i] == "`" { advance() }
                let first = text.unicodeScalars.first
                let identifier = first.map { $0 != "#" && $0 != "@" && !("0"..."9").contains($0) } ?? false
                if !text.isEmpty { tokens.append(Token(text: text, line: startLine, column: column, isIdentifier: identifier)) }
                if text.isEmpty && !quoted { advance() }
            } else if c == " " || c == "\t" || c == "\n" || c == "\r" {
                advance()
            } else {
                tokens.append(Token(text: String(c), line: line, column: i - lineStart + 1, isIdentifier: false))
                advance()
            }
        }
        return tokens
    }

    /// Skips a string literal starting at the opening quote (after any raw-string `#`s),
    /// including interpolations' parentheses, so a quote inside `\(…)` does not end it early.
    private static func skipString(hashes: Int, chars: [Unicode.Scalar], at: (String, Int) -> Bool,
                                   advance: (Int) -> Void, index: () -> Int) {
        let closingHashes = String(repeating: "#", count: hashes)
        let multiline = at("\"\"\"", 0)
        advance(multiline ? 3 : 1)
        let close = (multiline ? "\"\"\"" : "\"") + closingHashes
        let escape = "\\" + closingHashes
        while index() < chars.count {
            if at(close, 0) { advance(close.unicodeScalars.count); return }
            if !multiline && chars[index()] == "\n" { return }
            if at(escape + "(", 0) {
                advance(escape.unicodeScalars.count + 1)
                var depth = 1
                while index() < chars.count && depth > 0 {
                    if chars[index()] == "\"" {
                        skipString(hashes: 0, chars: chars, at: at, advance: advance, index: index)
                        continue
                    }
                    if chars[index()] == "(" { depth += 1 }
                    if chars[index()] == ")" { depth -= 1 }
                    advance(1)
                }
                continue
            }
            if at(escape, 0) { advance(escape.unicodeScalars.count + 1); continue }
            advance(1)
        }
    }
}
