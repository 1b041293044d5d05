/// The parse stage's output: everything later stages need to know about one chapter file.
/// Plain values only; no stage after parsing touches cmark or the Markdown text again,
/// except `check --update` and `release`, which rewrite the original bytes by line ranges.
public struct Chapter: Codable, Equatable, Sendable {
    /// The path as the user gave it (or as found in a folder); used in every diagnostic.
    public var path: String
    /// Output file stem: `01-backprop` for `Chapters/01-backprop.md`.
    public var slug: String
    /// The text of the first heading (the file stem when there is none).
    public var title: String
    /// The chapter's Markdown exactly as read.
    public var source: String
    /// Prose and cells in document order.
    public var blocks: [Block]
    /// Every fenced `swift` block, in document order; `cells[i].index == i`.
    public var cells: [Cell]
    /// Every `` `{swift} expr` `` in the prose, in document order; `inlines[i].index == i`.
    public var inlines: [InlineExpression]

    public init(path: String, slug: String, title: String, source: String,
                blocks: [Block], cells: [Cell], inlines: [InlineExpression]) {
        self.path = path
        self.slug = slug
        self.title = title
        self.source = source
        self.blocks = blocks
        self.cells = cells
        self.inlines = inlines
    }
}

public enum Block: Codable, Equatable, Sendable {
    /// Prose already rendered to HTML by cmark. Math spans are
    /// `<span class="math math-inline">…</span>` / `<span class="math math-display">…</span>`
    /// (TeX HTML-escaped, typeset in the browser by KaTeX); each inline expression is its
    /// `InlineExpression.placeholder`, replaced by the render stage.
    case prose(html: String)
    /// The cell `cells[index]`.
    case cell(index: Int)
}

/// `` `{swift} expression` `` in prose: shows a value the chapter computed.
public struct InlineExpression: Codable, Equatable, Sendable {
    public var index: Int
    public var code: String
    public var line: Int

    public init(index: Int, code: String, line: Int) {
        self.index = index
        self.code = code
        self.line = line
    }

    /// What the prose HTML holds where the value goes. Raw HTML is disabled in chapters,
    /// so an author cannot write this element themselves.
    public var placeholder: String { "<wb-inline data-index=\"\(index)\"></wb-inline>" }
}
