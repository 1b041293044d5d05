import ArgumentParser
import Foundation
import WorkbookEngine

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Run chapters and write an HTML report for each, plus an index.",
        discussion: """
            PATHS are chapter files or folders; a folder means the *.md files directly in it. \
            Chapters are ordered by file name. Every chapter is read and checked first: bad \
            input stops the build before anything is written.

            Each chapter's line is printed (on stderr) as it finishes, with a live line for \
            the ones still running; then every compiler diagnostic, crash and ```output \
            difference as FILE:LINE:COL: error: …, and the summary.

            Results are cached in OUTPUT/.cache: a chapter is only compiled and run again when \
            its cells, the attributes that affect running, the course library, the compiler, \
            or a data file it read changed. Editing prose only re-renders the page.

            Examples:
              workbook build                          # Chapters/ → Output/
              workbook build Chapters/01-backprop.md  # one chapter
              workbook build --no-cache --jobs 1      # run everything again, one at a time
              workbook build --student -o /tmp/mine   # run the exercise blocks, as a student would

            Exit status: 0 every cell ran as expected; 1 a chapter failed to compile, crashed, \
            timed out or failed a check; 2 bad input (FILE:LINE: error: …, nothing written) or usage; \
            3 the tool itself failed (a report or cache file cannot be written, the sandbox cannot start).
            """
    )

    @Argument(help: "Chapter files or folders of chapters.")
    var paths: [String] = ["Chapters"]

    @Option(name: [.short, .long], help: ArgumentHelp("Folder the reports are written to.", valueName: "DIR"))
    var output = "Output"

    @Flag(name: .long, help: "Run every chapter even when a cached result is still valid.")
    var noCache = false

    @Flag(name: .long, help: "The student edition: run the exercise blocks, never show a solution.")
    var student = false

    @OptionGroup var parallelism: Parallelism

    @OptionGroup var settings: RunSettings

    func run() throws {
        var options = settings.runOptions
        options.sandbox = try settings.sandboxMode(required: false)
        options.jobs = parallelism.jobs
        options.useCache = !noCache
        let toolchain = try Toolchain.locate()
        let lines = ChapterLines()
        let report = try Workbook.build(paths: paths, outputDirectory: output, options: options, toolchain: toolchain,
                                        edition: student ? .student : .instructor, progress: lines)
        lines.end()
        print(BuildSummary.text(report, timings: settings.timings), terminator: "")
        if report.exitStatus != ExitStatus.passed { throw ExitCode(report.exitStatus) }
    }
}
