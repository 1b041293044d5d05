import Foundation
import CCmark

/// Markdown chapter → `Chapter`: cells, expected outputs, inline expressions and prose HTML,
/// every line number exact. cmark does all the Markdown; this only reads its tree.
public enum ChapterParser {
    public static func parse(path: String, bytes: [UInt8]) throws -> Chapter {
        if let bad = UTF8Check.firstInvalidByte(in: bytes) {
            throw WorkbookError("file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
                                file: path, line: UTF8Check.line(ofByte: bad, in: bytes))
        }
        let source = String(decoding: bytes, as: UTF8.self)
        let lines = sourceLines(source)

        // First pass: where the code blocks are, so math protection leaves them alone.
        let firstTree = CmarkTree(markdown: source)
        var codeLines = Set<Int>()
        try withExtendedLifetime(firstTree) {
            for node in CmarkTree.descendants(of: firstTree.root) where CmarkTree.type(node) == CMARK_NODE_CODE_BLOCK {
                if let fenced = try FencedBlock(node: node, lines: lines, path: path) {
                    try CellPlacement.requireTopLevel(node, fenced, path: path)
                }
                let start = CmarkTree.startLine(node)
                codeLines.formUnion(start...max(start, CmarkTree.endLine(node)))
            }
        }
        var math = MathProtector(source: source)
        let protected = math.protect(lines: lines, excluded: codeLines)

        // Second pass: the tree everything is read from.
        let tree = CmarkTree(markdown: protected)
        return try withExtendedLifetime(tree) {
            try assemble(tree, path: path, source: source, lines: lines, math: math)
        }
    }

    private static func assemble(_ tree: CmarkTree, path: String, source: String, lines: [Substring],
                                 math: MathProtector) throws -> Chapter {
        var inlinePrefix = "WbInlineZ"
        while source.contains(inlinePrefix) { inlinePrefix += "Q" }
        let inlines = try extractInlineExpressions(tree, tokenPrefix: inlinePrefix, path: path)
        let restorer = TokenRestorer(math: math, inlinePrefix: inlinePrefix, inlines: inlines)

        let title = title(tree, restorer) ?? chapterSlug(path)  // before the assembler moves nodes out
        var assembler = BlockAssembler(path: path, lines: lines, restorer: restorer)
        for node in CmarkTree.children(of: tree.root) { try assembler.add(node) }
        assembler.flushProse()

        return Chapter(path: path, slug: chapterSlug(path), title: title, source: source,
                       blocks: assembler.blocks, cells: assembler.cells, inlines: inlines)
    }

    /// Lines without their "\n" (a "\r" before it stays). Split on scalars: "\r\n" is one Character.
    static func sourceLines(_ text: String) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// `Chapters/01-backprop.md` → `01-backprop`.
    static func chapterSlug(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Replaces each `` `{swift} expr` `` code span with a token the restorer turns into a placeholder.
    private static func extractInlineExpressions(_ tree: CmarkTree, tokenPrefix: String, path: String) throws -> [InlineExpression] {
        let marker = "{swift}"
        let spans = CmarkTree.descendants(of: tree.root).filter {
            CmarkTree.type($0) == CMARK_NODE_CODE && CmarkTree.literal($0).hasPrefix(marker)
        }
        var inlines: [InlineExpression] = []
        for node in spans {
            let code = CmarkTree.literal(node).dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            let line = CmarkTree.startLine(node)
            guard !code.isEmpty else {
                throw WorkbookError("empty inline expression: write `{swift} expression`", file: path, line: line)
            }
            inlines.append(InlineExpression(index: inlines.count, code: code, line: line))
            CmarkTree.replace(node, withText: "\(tokenPrefix)\(inlines.count - 1)x")
        }
        return inlines
    }

    /// Plain text of the first heading, math and inline expressions as the author wrote them.
    private static func title(_ tree: CmarkTree, _ restorer: TokenRestorer) -> String? {
        guard let heading = CmarkTree.descendants(of: tree.root).first(where: { CmarkTree.type($0) == CMARK_NODE_HEADING })
        else { return nil }
        var text = ""
        for node in CmarkTree.descendants(of: heading) {
            switch CmarkTree.type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += CmarkTree.literal(node)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        let title = restorer.plain(text).trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : title
    }
}
