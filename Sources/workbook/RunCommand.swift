import ArgumentParser
import Foundation
import WorkbookEngine

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one chapter and print each cell's output as it finishes.",
        discussion: """
            Nothing is cached or written: this is for working on a chapter in the terminal. \
            Plots and tables are printed in their text form. A live line on stderr, under the \
            output, shows which cell is running, for how long of its time limit (60 s, or \
            --timeout S, or the cell's timeout=S), and a training loop's progress. An endless \
            loop is stopped at the limit: lower it with --timeout to find out sooner.

            Example:
              workbook run Chapters/03-attention.md

            Exit status: 0 every cell ran as expected; 1 the chapter failed to compile, \
            crashed, timed out or failed a check; 2 bad input or usage; 3 the tool itself failed.
            """
    )

    @Argument(help: "The chapter file to run.")
    var chapter: String

    @OptionGroup var settings: RunSettings

    func run() throws {
        var options = settings.runOptions
        options.sandbox = try settings.sandboxMode(required: false)
        let parsed = try Workbook.loadChapter(chapter)  // bad input is reported before anything runs
        let toolchain = try Toolchain.locate()
        let printer = CellPrinter(chapter: parsed, options: options)
        let result = Workbook.run(parsed, options: options, toolchain: toolchain, events: { printer.handle($0) })
        printer.finish(result)
        if let failure = result.toolFailure {
            StandardError.writeLine("error: \(failure)")
            throw ExitCode(ExitStatus.toolFailed)
        }
        if result.status != .passed { throw ExitCode(ExitStatus.cellsFailed) }
    }
}
