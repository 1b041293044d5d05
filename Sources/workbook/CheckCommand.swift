import ArgumentParser
import Foundation
import WorkbookEngine

extension CheckFormat: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run chapters and grade their exercises and expected outputs.",
        discussion: """
            Blocks, all sharing the exercise's id:
              ```swift exercise id=ID           the student's starting code
              ```swift solution id=ID           the reference answer (removed by `release`)
              ```swift check id=ID points=N     expect(ok, "why"), expectEqual(a, b),
                                                expectClose(a, b, tolerance: 1e-9)
              ```swift check id=ID hidden       graded, but left out of the student edition

            Each exercise passes when every one of its checks ran and every expectation held; \
            its points are those of the checks that passed. Every ```output block is compared \
            with what its cell printed: exactly, after trailing whitespace; numbers within \
            `tolerance=X`; lines matching `ignore=REGEX` left out.

            Without --student the solutions answer the exercises (CI: do the solutions still \
            pass?). With --student the exercise blocks do. When a student's exercise crashes, \
            hangs or does not compile, it fails with that message and the chapter runs again \
            with the reference solution in its place, so the other exercises are still graded.

            --update rewrites every ```output block's content from what its cell printed, \
            leaving every other byte of the file as it was: atomically, through a symlink to \
            its target, keeping the file's mode, owner and line endings.

            Results of runs whose inputs (cells, attributes, the course library, the \
            compiler, data files read) did not change are reused from Output/.cache, so \
            checking again after editing one chapter runs only that chapter. Each chapter's \
            line is printed on stderr as it finishes, with a live line for the ones running.

            Examples:
              workbook check                                  # the instructor's solutions
              workbook check --student Chapters/04-kmeans.md  # your own answers
              workbook check --student --exercise update-step # one exercise only
              workbook check --format github --junit report.xml
              workbook check --update Chapters/04-kmeans.md   # rewrite its output blocks

            Exit status: 0 everything passed; 1 an exercise, an expected output or a cell \
            failed; 2 bad input (points that are not finite included) or usage; 3 the tool \
            failed (the sandbox cannot start, no temporary folder, the compiler cannot start, a file cannot be written).
            """
    )

    @Argument(help: "Chapter files or folders of chapters.")
    var paths: [String] = ["Chapters"]

    @Flag(name: .long, help: "Grade the exercise blocks (the student's code) instead of the solutions.")
    var student = false

    @Option(name: .long, help: "Report format: text, json or github (GitHub Actions annotations).")
    var format: CheckFormat = .text

    @Option(name: .long, help: ArgumentHelp("Also write a JUnit XML report to FILE.", valueName: "FILE"))
    var junit: String?

    @Flag(name: .long, help: "Rewrite the expected ```output blocks from the actual outputs.")
    var update = false

    @Option(name: .long, help: ArgumentHelp(
        "Report only this exercise (the chapters holding it run; other exercises' checks are skipped).",
        valueName: "ID"))
    var exercise: String?

    @Flag(name: .long, help: "Run every chapter even when a cached result (in Output/.cache) is still valid.")
    var noCache = false

    @OptionGroup var parallelism: Parallelism

    @OptionGroup var settings: RunSettings

    func run() throws {
        var options = settings.runOptions
        options.sandbox = try settings.sandboxMode(required: false)
        options.jobs = parallelism.jobs
        if let junit { try OutputFolder.requireFile(junit, option: "--junit") }
        let toolchain = try Toolchain.locate()
        let lines = ChapterLines()
        let summary = try CheckSession.run(paths: paths, student: student, update: update,
                                           toolchain: toolchain, options: options, exercise: exercise,
                                           cacheDirectory: noCache || update ? nil : Workbook.cacheDirectory(in: "Output"),
                                           progress: lines)
        lines.end()
        if let junit {
            try ReportFile.write(Array(JUnitReport.xml(summary).utf8), to: junit)
        }
        print(try format.render(summary), terminator: "")
        let failures = summary.chapters.compactMap { chapter in chapter.couldNotGrade.map { "could not check \(chapter.path): \($0)" } }
        for line in failures { StandardError.writeLine("error: \(line)") }
        if !failures.isEmpty { throw ExitCode(ExitStatus.toolFailed) }
        if !summary.passed { throw ExitCode(ExitStatus.cellsFailed) }
    }
}
