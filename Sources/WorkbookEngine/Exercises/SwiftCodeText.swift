import Foundation

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
