import ArgumentParser
import Foundation
import WorkbookEngine

/// Options every command that runs chapters understands.
struct RunSettings: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Seconds a cell may run before it is killed and marked timed out (default 60).",
        discussion: "A cell's own `timeout=S` attribute overrides this. While a cell runs, the live line shows how long it has run of its limit; raise the limit for slow training, lower it to stop an endless loop sooner.",
        valueName: "S"))
    var timeout: Double = RunOptions().timeout

    @Flag(name: .long, help: ArgumentHelp(
        "Show wall times: each chapter's in the summary; with build, compile and run times on the pages too.",
        discussion: "Pages built with --timings are no longer byte-identical from run to run."))
    var timings = false

    @Flag(name: .customLong("no-kernel"), help: ArgumentHelp(
        "Run every chapter from its first cell; keep no checkpoints.",
        discussion: "Without it, a chapter whose cells above an edit are unchanged resumes from a checkpoint "
            + "of the kernel daemon (see `workbook help kernel`). Results are the same either way. "
            + "WORKBOOK_NO_KERNEL=1 in the environment does the same."))
    var noKernel = false

    @Option(name: .customLong("kernel-idle"), help: ArgumentHelp(
        "Minutes the kernel daemon, when this command starts it, waits for work before it exits.",
        valueName: "MIN"))
    var kernelIdle: Double = RunOptions().kernelIdleTimeout / 60

    @Option(name: .customLong("kernel-memory"), help: ArgumentHelp(
        "MiB of private memory checkpoints may hold; the least recently used go first.", valueName: "MiB"))
    var kernelMemory: Int = RunOptions().kernelMemoryBudget >> 20

    @Flag(name: .customLong("no-sandbox"), help: ArgumentHelp(
        "Run chapter programs without the bubblewrap sandbox.",
        discussion: "Normally each chapter program runs with no network, no view of the chapters, Output/ or "
            + "your home, and limits on memory, processes and files. Where no sandbox can start (no user "
            + "namespaces), build, run and check warn and run without it; grade stops (exit 3) unless this is given."))
    var noSandbox = false

    @Option(name: .long, help: ArgumentHelp(
        "Address space a sandboxed chapter program may use: bytes, or with K, M or G.", valueName: "SIZE"))
    var memoryLimit = "4G"

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
        guard kernelMemory >= 0 else { throw ValidationError("--kernel-memory must not be negative") }
        guard kernelIdle > 0, kernelIdle.isFinite else { throw ValidationError("--kernel-idle must be a positive number of minutes") }
        guard let bytes = Self.bytes(memoryLimit), bytes >= 64 << 20 else {
            throw ValidationError("--memory-limit must be a size of at least 64M, like 4G or 512M")
        }
    }

    var runOptions: RunOptions {
        var options = RunOptions()
        options.timeout = timeout
        options.showTimings = timings
        // WORKBOOK_NO_KERNEL=1 is --no-kernel for every command (test harnesses, CI scripts).
        options.kernel = noKernel || ProcessInfo.processInfo.environment["WORKBOOK_NO_KERNEL"] == "1" ? .off : .daemon
        options.kernelIdleTimeout = kernelIdle * 60
        options.kernelMemoryBudget = kernelMemory << 20
        options.memoryLimit = Self.bytes(memoryLimit) ?? options.memoryLimit
        options.sandbox = noSandbox ? .off : .preferred
        return options
    }

    /// `4G`, `512M`, `65536K`, `1000000`.
    static func bytes(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        guard let last = text.uppercased().last else { return nil }
        let scale = units[last] ?? 1
        let digits = units[last] == nil ? text : String(text.dropLast())
        guard let number = Int(digits), number > 0, number <= Int.max / scale else { return nil }
        return number * scale
    }

    /// The sandbox mode for this command. When no sandbox can start here, `grade`
    /// (`required`) stops with exit status 3; the others print one warning and run without it.
    func sandboxMode(required: Bool) throws -> SandboxMode {
        if noSandbox { return .off }
        guard let reason = Sandbox.unavailableReason else { return required ? .required : .preferred }
        if required {
            StandardError.writeLine("error: the sandbox cannot start: \(reason); pass --no-sandbox to grade without it")
            throw ExitCode(ExitStatus.toolFailed)
        }
        StandardError.writeLine("warning: running chapter programs without a sandbox: \(reason) (--no-sandbox silences this)")
        return .off
    }
}

/// `--jobs`, for the commands that run several chapters (or, for `grade`, students) at once.
struct Parallelism: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp(
        "Chapters (for grade: students) run at once; default: the number of cores.", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}
