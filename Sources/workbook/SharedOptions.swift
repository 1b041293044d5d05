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

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
    }

    var runOptions: RunOptions {
        var options = RunOptions()
        options.timeout = timeout
        options.showTimings = timings
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
