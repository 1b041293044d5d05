import Testing
@testable import WorkbookEngine

/// The rules a reader's layout depends on, read from the stylesheet as a browser would: the
/// declarations of each exact selector, merged in order (media blocks left out).
@Suite struct RenderStylesheetTests {
    private func declarations(of selector: String) -> [String: String] {
        var result: [String: String] = [:]
        var depth = 0
        var text = Substring(Stylesheet.css)
        while let open = text.firstIndex(of: "{") {
            let head = text[..<open].split(separator: "}").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let header = head.split(separator: "\n").last.map(String.init) ?? head
            if header.hasPrefix("@") { depth += 1; text = text[text.index(after: open)...]; continue }
            guard let close = text[open...].firstIndex(of: "}") else { break }
            if depth == 0, header.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }).contains(selector) {
                for declaration in text[text.index(after: open)..<close].split(separator: ";") {
                    let parts = declaration.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2 else { continue }
                    result[parts[0].trimmingCharacters(in: .whitespacesAndNewlines)] =
                        parts[1].trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
            text = text[text.index(after: close)...]
            // A media block ends with a second "}" right after its last rule.
            if depth > 0, text.drop(while: { $0.isWhitespace }).first == "}" {
                depth -= 1
                text = text.drop(while: { $0.isWhitespace }).dropFirst()
            }
        }
        return result
    }

    @Test func plotsUseTheWholeColumnOnAPhoneAndStayReadableOnALaptop() {
        let plot = declarations(of: ".wb-plot")
        #expect(plot["margin"] == "0 auto")
        #expect(plot["max-width"] == "40rem")
        #expect(declarations(of: ".wb-plot svg")["display"] == "block")
    }

    @Test func theRuntimesCrashReportIsFoldedQuietly() {
        #expect(declarations(of: ".crash-report summary")["cursor"] == "pointer")
        #expect(declarations(of: ".crash-report pre")["color"] == "var(--muted)")
        // Rules inside media blocks do not leak into the screen's rules.
        #expect(declarations(of: "body")["font-size"] == nil)
    }
}
