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
    /// Where chapters run (see `Kernel`): `--no-kernel` is `.off`. Off unless a command sets it,
    /// so a library user gets plain full runs.
    public var kernel: KernelMode = .off
    /// Seconds the kernel daemon waits for work before it exits (`--kernel-idle`, minutes).
    public var kernelIdleTimeout: Double = 15 * 60
    /// Summed private memory the kernel's checkpoints may hold before the least recently used
    /// are let go (`--kernel-memory`, MiB).
    public var kernelMemoryBudget = 2 << 30
    /// Whether chapter programs run in the sandbox (`--no-sandbox` turns it off).
    public var sandbox: SandboxMode = .preferred
    /// RLIMIT_AS of a sandboxed chapter program in bytes (`--memory-limit`).
    public var memoryLimit: Int = 4 << 30

    public init() {}
}

/// How a command runs its chapters.
public enum KernelMode: String, Codable, Sendable {
    /// From the top, every time.
    case off
    /// Checkpoints kept in this process, for the rest of this command.
    case inProcess
    /// Checkpoints kept by the background daemon, between commands.
    case daemon
}

/// What the execute stage reports while a chapter runs (`workbook run`'s live progress).
public enum RunEvent: Sendable {
    case compiling
    case cellStarted(index: Int)
    case cellFinished(CellResult)
    /// A training loop's progress (`ProgressReporter` in Course), for the live status line.
    case progress(cell: Int, text: String)
}
