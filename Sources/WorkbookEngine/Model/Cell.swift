/// What a fenced block is for. `code` is an ordinary cell; the rest are the exercise blocks.
public enum CellKind: String, Codable, Sendable, CaseIterable {
    case code, exercise, solution, check
}

/// The words after `swift` in a cell's info string.
public struct CellAttributes: Codable, Hashable, Sendable {
    public var kind: CellKind = .code
    /// Runs; source not shown. Display only: not part of the cache key.
    public var hide = false
    /// Shown; neither compiled nor run.
    public var skip = false
    /// Must not compile: compiled alone after the cells before it.
    public var compileFail = false
    /// Seconds; nil means the build's default.
    public var timeout: Double?
    /// A check kept out of the student edition (grading still runs it).
    public var hidden = false
    public var id: String?
    public var points: Double?

    public init() {}

    /// Every word the parser accepts, for error messages that list them.
    public static let validWords = ["hide", "skip", "compile-fail", "timeout=S", "exercise",
                                    "solution", "check", "hidden", "id=ID", "points=N"]
}

/// An ```` ```output ```` block directly after a cell: the output the cell should print.
public struct ExpectedOutput: Codable, Equatable, Sendable {
    /// The block's content (no trailing newline added or removed beyond cmark's literal).
    public var text: String
    /// Line of the opening ```` ```output ```` fence.
    public var fenceLine: Int
    /// First and last line of the content, 1-based and inclusive (last < first when empty).
    /// `check --update` rewrites exactly these lines.
    public var firstContentLine: Int
    public var lastContentLine: Int
    /// Words after `output`: `tolerance=1e-6`, `ignore=REGEX`, … (key → value; flags → "").
    public var options: [String: String]

    public init(text: String, fenceLine: Int, firstContentLine: Int, lastContentLine: Int,
                options: [String: String] = [:]) {
        self.text = text
        self.fenceLine = fenceLine
        self.firstContentLine = firstContentLine
        self.lastContentLine = lastContentLine
        self.options = options
    }
}

public struct Cell: Codable, Equatable, Sendable {
    public var index: Int
    /// The code between the fences, exactly.
    public var code: String
    /// Line of the opening ```` ```swift ```` fence; the code starts on the next line.
    public var fenceLine: Int
    /// Line of the closing fence.
    public var closingFenceLine: Int
    public var attributes: CellAttributes
    public var expectedOutput: ExpectedOutput?

    public init(index: Int, code: String, fenceLine: Int, closingFenceLine: Int,
                attributes: CellAttributes, expectedOutput: ExpectedOutput? = nil) {
        self.index = index
        self.code = code
        self.fenceLine = fenceLine
        self.closingFenceLine = closingFenceLine
        self.attributes = attributes
        self.expectedOutput = expectedOutput
    }

    public var firstCodeLine: Int { fenceLine + 1 }
}
