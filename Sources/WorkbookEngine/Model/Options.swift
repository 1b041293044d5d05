/// Settings of one build, from the command line.
public struct RunOptions: Codable, Equatable, Sendable {
    /// Default per-cell time limit in seconds (`--timeout`); a cell's `timeout=` overrides it.
    public var timeout: Double = 60
    /// Bytes of stdout (and, separately, stderr) kept per cell; the rest is dropped with a notice.
    public var outputLimit: Int = 1 << 20
    /// Chapters run at once (`--jobs`); defaults to the number of cores.
    public var jobs: Int = 2
    /// `--no-cache` sets this to false.
    public var useCache = true
    /// `--timings`: show wall times on the pages. Off by default so pages are byte-identical.
    public var showTimings = false
    /// Whether chapter programs run in the sandbox (`--no-sandbox` turns it off).
    public var sandbox: SandboxMode = .preferred
    /// RLIMIT_AS of a sandboxed chapter program in bytes (`--memory-limit`).
    public var memoryLimit: Int = 4 << 30

    public init() {}
}

/// What the execute stage reports while a chapter runs (`workbook run`'s live progress).
public enum RunEvent: Sendable {
    case compiling
    case cellStarted(index: Int)
    case cellFinished(CellResult)
    /// A training loop's progress (`ProgressReporter` in Course), for the live status line.
    case progress(cell: Int, text: String)
}
