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
    /// Resume edited chapters from kernel checkpoints (see `Kernel`); `--no-kernel` clears it.
    /// Off unless a command sets it, so a library user gets plain full runs.
    public var useKernel = false
    /// Summed private memory the kernel's checkpoints may hold before the least recently used
    /// are let go (`--kernel-memory`, MiB).
    public var kernelMemoryBudget = 2 << 30

    public init() {}
}

/// What the execute stage reports while a chapter runs (`workbook run`'s live progress).
public enum RunEvent: Sendable {
    case compiling
    case cellStarted(index: Int)
    case cellFinished(CellResult)
}
