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
