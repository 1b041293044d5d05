/// The execute stage's output, and the cache's unit of storage.

public enum CellStatus: String, Codable, Sendable {
    /// Ran to its end.
    case ok
    /// `skip`: shown, neither compiled nor run.
    case skipped
    /// An earlier cell crashed, timed out or the program did not compile.
    case notRun
    /// The chapter program did not compile and this cell has an error diagnostic.
    case compileError
    /// A trap or signal while this cell ran.
    case crashed
    /// Killed after its time limit.
    case timedOut
    /// `compile-fail`, and it did fail to compile: what the author wanted.
    case failedToCompileAsExpected
    /// `compile-fail`, but it compiled: an error.
    case compiledUnexpectedly
}

public struct Diagnostic: Codable, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    /// "error", "warning" or "note".
    public var severity: String
    public var message: String

    public init(file: String, line: Int, column: Int, severity: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }
}

/// A rich value sent through the display channel: text for the terminal, HTML/SVG for the page.
public struct DisplayItem: Codable, Equatable, Sendable {
    public var text: String
    /// Sanitised by the engine (`DisplaySanitiser`) before it is kept: allowed elements only.
    public var html: String
    /// How many bytes of the cell's stdout came before the display, so pages show printed text
    /// and displays in program order; nil when unknown (the text then comes first).
    public var outputOffset: Int?
    /// The runtime's number for the display, while the run is being recorded.
    var ordinal: Int?

    public init(text: String, html: String, outputOffset: Int? = nil) {
        self.text = text
        self.html = html
        self.outputOffset = outputOffset
    }

    private enum CodingKeys: String, CodingKey {
        case text, html, outputOffset
    }
}

/// Captured output, cut at the per-cell limit.
public struct CapturedText: Codable, Equatable, Sendable {
    public var text: String
    /// Bytes dropped past the limit; 0 when nothing was cut.
    public var droppedBytes: Int

    public init(text: String = "", droppedBytes: Int = 0) {
        self.text = text
        self.droppedBytes = droppedBytes
    }
}

public struct CellResult: Codable, Equatable, Sendable {
    public var index: Int
    public var status: CellStatus
    public var stdout: CapturedText
    public var stderr: CapturedText
    /// Rich displays in the order the cell sent them.
    public var displays: [DisplayItem]
    /// Compiler diagnostics that point into this cell's lines.
    public var diagnostics: [Diagnostic]
    /// `Fatal error: Index out of range`, `killed by signal 11`, `timed out after 60 s`.
    public var trapMessage: String?
    /// The Swift runtime's full report of a trap (message line, stack trace without addresses),
    /// kept apart from `stderr` and shown folded; nil when it printed none.
    public var crashReport: String?
    /// The chapter line the trap happened on (the innermost frame in chapter code, which may
    /// be in an earlier cell than the one running); nil when unknown or not a trap.
    public var trapLine: Int?
    /// Wall time of the cell's own code; nil when it did not run.
    public var seconds: Double?
    /// The `expect…` calls the cell made (check cells); nil when it made none.
    public var expectations: ExpectationTally?

    public init(index: Int, status: CellStatus, stdout: CapturedText = .init(),
                stderr: CapturedText = .init(), displays: [DisplayItem] = [],
                diagnostics: [Diagnostic] = [], trapMessage: String? = nil, crashReport: String? = nil,
                seconds: Double? = nil, expectations: ExpectationTally? = nil) {
        self.index = index
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.displays = displays
        self.diagnostics = diagnostics
        self.trapMessage = trapMessage
        self.crashReport = crashReport
        self.seconds = seconds
        self.expectations = expectations
    }
}

public enum ChapterStatus: String, Codable, Sendable {
    case passed
    case failedToCompile
    case crashed
    case timedOut
    /// A `compile-fail` cell compiled, or (exercises) a check failed.
    case failed
}

public struct ChapterResult: Codable, Equatable, Sendable {
    public var path: String
    public var status: ChapterStatus
    /// One per cell of the chapter, same order.
    public var cells: [CellResult]
    /// Inline expression index → its value as text; missing when it was not reached.
    public var inlineValues: [Int: String]
    /// Diagnostics that belong to no cell (for example a whole-program link error).
    public var diagnostics: [Diagnostic]
    /// Data files the chapter read through the course library: path → SHA-256 hex.
    public var dependencies: [String: String]
    /// Set when the result came from the cache rather than a run.
    public var fromCache: Bool
    public var compileSeconds: Double?
    public var runSeconds: Double?
    /// Why the engine itself could not compile or run the chapter (no temporary folder, a
    /// process it could not start); nil when it could. Such a result says nothing about the code.
    public var toolFailure: String?

    public init(path: String, status: ChapterStatus, cells: [CellResult],
                inlineValues: [Int: String] = [:], diagnostics: [Diagnostic] = [],
                dependencies: [String: String] = [:], fromCache: Bool = false,
                compileSeconds: Double? = nil, runSeconds: Double? = nil) {
        self.path = path
        self.status = status
        self.cells = cells
        self.inlineValues = inlineValues
        self.diagnostics = diagnostics
        self.dependencies = dependencies
        self.fromCache = fromCache
        self.compileSeconds = compileSeconds
        self.runSeconds = runSeconds
    }
}
