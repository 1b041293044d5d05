import Foundation

/// What an exercise block may not contain, checked before it is compiled: top-level
/// declarations of the names the checks and the generated program use (so an answer cannot
/// replace `expectEqual` with one that always passes), top-level operator functions (which
/// would replace `==` inside the checks), the engine's session API, and `#sourceLocation`
/// (which would move diagnostics). Comments and string literals are blanked first, so a
/// comment that mentions `expect` is fine, and so is a local `let expected`.
public enum ExerciseCodeRules {
    public struct Violation: Equatable, Sendable {
        /// 0-based line within the block's code.
        public var lineOffset: Int
        public var message: String
    }

    /// Declaring one of these at the top level shadows what the checks or the program call.
    static let reservedNames: Set<String> = ["expect", "expectEqual", "expectClose", "ChapterSession", "Notebook",
                                             "main", "WorkbookRuntime", "WorkbookProtocol", "Course"]
    /// Not to be named anywhere in an exercise: the glue's own API, and the directives and
    /// attributes that reach past it (`@testable import` opens the runtime's internals in a
    /// debug build; `@_silgen_name`/`@_cdecl` bind to symbols by name; `@_section`/`@_used`
    /// could run code before the chapter starts; `@main` replaces the program's entry point).
    static let forbiddenWords = ["ChapterSession", "#sourceLocation", "@_silgen_name", "@_cdecl", "@testable",
                                 "@_section", "@_used", "@main", "@_spi"]

    /// `expect` followed by a capital (`expectThrows`, any later check function) and the
    /// generated glue's `__workbook…` names are reserved too; a student's `expected` is not.
    static func isReserved(_ name: String) -> Bool {
        if reservedNames.contains(name) || name.hasPrefix("__workbook") { return true }
        guard name.hasPrefix("expect"), let next = name.dropFirst("expect".count).first else { return false }
        return next.isUppercase
    }

    /// The violations in an exercise cell as `FILE:LINE:COL: error` diagnostics (build and check
    /// fail that exercise with them, as they would a compile error).
    public static func violations(in cell: Cell, path: String) -> [Diagnostic] {
        violations(in: cell.code).map {
            Diagnostic(file: path, line: cell.firstCodeLine + $0.lineOffset, column: 0, severity: "error", message: $0.message)
        }
    }
    static let declarationKeywords: Set<String> = ["func", "var", "let", "class", "struct", "enum", "protocol",
                                                   "typealias", "actor", "macro"]

    public static func violations(in code: String) -> [Violation] {
        let lines = SwiftCodeText.blankingCommentsAndStrings(code).split(separator: "\n", omittingEmptySubsequences: false)
        var found: [Violation] = []
        var depth = 0
        for (offset, line) in lines.enumerated() {
            for word in forbiddenWords where containsWord(word, in: line) {
                found.append(Violation(lineOffset: offset, message: word.hasPrefix("#") || word.hasPrefix("@")
                    ? "an exercise may not use \(word)" : "an exercise may not use '\(word)' (the engine's own API)"))
            }
            let words = tokens(line)
            for (index, token) in words.enumerated() {
                if token.text == "{" { depth += 1 }
                if token.text == "}" { depth = max(0, depth - 1) }
                guard depth == 0, declarationKeywords.contains(token.text),
                      index + 1 < words.count else { continue }
                let name = words[index + 1].text.trimmingCharacters(in: ["`"])
                if isReserved(name) {
                    found.append(Violation(lineOffset: offset, message: "an exercise may not declare '\(name)' (a name the checks use)"))
                } else if token.text == "func", let first = name.unicodeScalars.first,
                          !(first == "_" || first.properties.isXIDStart) {
                    found.append(Violation(lineOffset: offset,
                                           message: "an exercise may not declare the operator '\(name)' at the top level (the checks use it)"))
                }
            }
        }
        return found
    }

    private struct Token { var text: String }

    /// Identifiers (with a leading `#` or `@`), braces, and runs of operator characters.
    private static func tokens(_ line: Substring) -> [Token] {
        var out: [Token] = []
        var current = ""
        var kind = 0  // 1 word, 2 operator
        func flush() { if !current.isEmpty { out.append(Token(text: current)) }; current = ""; kind = 0 }
        for scalar in line.unicodeScalars {
            let isWord = scalar == "_" || scalar == "`" || scalar.properties.isXIDContinue
            let isOperator = "/=-+!*%<>&|^~?.".unicodeScalars.contains(scalar)
            if isWord {
                if kind != 1 { flush(); kind = 1 }
                current.unicodeScalars.append(scalar)
            } else if isOperator {
                if kind != 2 { flush(); kind = 2 }
                current.unicodeScalars.append(scalar)
            } else {
                flush()
                if scalar == "{" || scalar == "}" { out.append(Token(text: String(scalar))) }
            }
        }
        flush()
        return out
    }

    private static func containsWord(_ word: String, in line: Substring) -> Bool {
        var rest = line[...]
        while let range = rest.range(of: word) {
            let after = rest[range.upperBound...].unicodeScalars.first
            if !(after.map { $0 == "_" || $0.properties.isXIDContinue } ?? false) { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }
}

/// Swift source with comments and string literals blanked to spaces (line breaks kept), so a
/// scanner that looks for names and braces sees only code.
enum SwiftCodeText {
    static func blankingCommentsAndStrings(_ code: String) -> String {
        let scalars = Array(code.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        func blank(_ scalar: Unicode.Scalar) { out.append(scalar == "\n" ? "\n" : " ") }
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.unicodeScalars)
            return position + pattern.count <= scalars.count && Array(scalars[position..<(position + pattern.count)]) == pattern
        }
        while index < scalars.count {
            if starts("//", at: index) {
                while index < scalars.count, scalars[index] != "\n" { blank(scalars[index]); index += 1 }
            } else if starts("/*", at: index) {
                var depth = 0
                repeat {
                    if starts("/*", at: index) { depth += 1; blank("/"); blank("*"); index += 2 }
                    else if starts("*/", at: index) { depth -= 1; blank("*"); blank("/"); index += 2 }
                    else { blank(scalars[index]); index += 1 }
                } while depth > 0 && index < scalars.count
            } else if scalars[index] == "\"" || (scalars[index] == "#" && stringAfterHashes(scalars, index)) {
                var hashes = 0
                while scalars[index] == "#" { hashes += 1; blank("#"); index += 1 }
                let triple = starts("\"\"\"", at: index)
                let quote = triple ? 3 : 1
                for _ in 0..<quote { blank("\""); index += 1 }
                let closing = String(repeating: "\"", count: quote) + String(repeating: "#", count: hashes)
                while index < scalars.count {
                    if hashes == 0, scalars[index] == "\\" { blank("\\"); index += 1; if index < scalars.count { blank(scalars[index]); index += 1 }; continue }
                    if starts(closing, at: index) { for _ in 0..<closing.unicodeScalars.count { blank(" "); index += 1 }; break }
                    if !triple, scalars[index] == "\n" { break }
                    blank(scalars[index]); index += 1
                }
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// `#"…"#`: hashes followed by a quote.
    private static func stringAfterHashes(_ scalars: [Unicode.Scalar], _ start: Int) -> Bool {
        var index = start
        while index < scalars.count, scalars[index] == "#" { index += 1 }
        return index > start && index < scalars.count && scalars[index] == "\""
    }
}
