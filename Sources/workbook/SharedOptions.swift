import ArgumentParser
import Foundation
import WorkbookEngine

/// Options every command that runs chapters understands.
struct RunSettings: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Seconds a cell may run before it is killed and marked timed out.",
        discussion: "A cell's own `timeout=S` attribute overrides this.",
        valueName: "S"))
    var timeout: Double = RunOptions().timeout

    @Flag(name: .long, help: "Show compile and run times on the pages (they are then no longer byte-identical).")
    var timings = false

    @Flag(name: .customLong("no-kernel"), help: ArgumentHelp(
        "Run every chapter from its first cell; keep no checkpoints.",
        discussion: "Without it, a chapter whose cells above an edit are unchanged resumes from a checkpoint "
            + "of the kernel daemon (see `workbook help kernel`). Results are the same either way."))
    var noKernel = false

    @Option(name: .customLong("kernel-idle"), help: ArgumentHelp(
        "Minutes the kernel daemon, when this command starts it, waits for work before it exits.",
        valueName: "MIN"))
    var kernelIdle: Double = RunOptions().kernelIdleTimeout / 60

    @Option(name: .customLong("kernel-memory"), help: ArgumentHelp(
        "MiB of private memory checkpoints may hold; the least recently used go first.", valueName: "MiB"))
    var kernelMemory: Int = RunOptions().kernelMemoryBudget >> 20

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
        guard kernelMemory >= 0 else { throw ValidationError("--kernel-memory must not be negative") }
        guard kernelIdle > 0, kernelIdle.isFinite else { throw ValidationError("--kernel-idle must be a positive number of minutes") }
    }

    var runOptions: RunOptions {
        var options = RunOptions()
        options.timeout = timeout
        options.showTimings = timings
        options.kernel = noKernel ? .off : .daemon
        options.kernelIdleTimeout = kernelIdle * 60
        options.kernelMemoryBudget = kernelMemory << 20
        return options
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
