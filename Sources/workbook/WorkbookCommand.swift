import ArgumentParser
import Foundation
import WorkbookEngine

/// `workbook`: the root command. Subcommands live one per file; later issues add more
/// (`check`, `release`, `grade`) to `subcommands`.
@main
struct WorkbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Run a course's Markdown chapters and write HTML reports.",
        discussion: """
            A chapter is a Markdown file whose ```swift blocks are cells. The cells of a chapter \
            run in order as one Swift program against the course library, so a `let` in one \
            cell is visible in every later cell. `workbook` alone means `workbook build`.

            CHAPTER FORMAT
              ```swift ATTRIBUTES   a cell; attributes, space-separated:
                hide                runs; its source is not shown
                skip                shown; neither compiled nor run
                compile-fail        must not compile; its diagnostics are its output
                timeout=S           seconds this cell may run
                exercise, solution, check, id=ID, points=N, hidden
                                    exercises (see `workbook help check`)
              ```output             right after a cell: its expected output
              `{swift} expr`        in prose: the value the chapter computed
              $…$ and $$…$$         math, rendered with KaTeX
            Cells and ```output blocks must be top-level blocks: one inside a list or a \
            block quote is an error, as it would never run. Give a listing that is not run \
            another info string, such as ```text.

            EXAMPLES
              workbook                              # build Chapters/ into Output/
              workbook run Chapters/01-backprop.md  # one chapter, in the terminal
              workbook check                        # do the solutions pass their checks?
              workbook release --output Student     # Student/Chapters, Student/Data
              workbook grade Submissions --output grades.csv

            EXIT STATUS
              0  every cell ran as expected
              1  a chapter failed to compile, crashed, timed out or failed a check
              2  bad input (missing path, not UTF-8, unknown cell attribute, unterminated
                 fence, duplicate id, a cell inside a list or quote) or bad usage; nothing
                 is written. Each is reported as FILE:LINE: error: …
              3  the tool itself failed: cannot write output, cannot create a temporary
                 folder, cannot start a process, could not grade
            """,
        version: WorkbookVersion.string,
        subcommands: [BuildCommand.self, ServeCommand.self, RunCommand.self, CheckCommand.self, ReleaseCommand.self, GradeCommand.self,
                      AutograderCommand.self, KernelCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// ArgumentParser's own main exits 64 on usage errors; the workbook promises 2.
    static func main() {
        // `help NAME` for a NAME that is no command is a usage error, not the root help.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "help", arguments.count > 1,
           !configuration.subcommands.contains(where: { $0.configuration.commandName == arguments[1] }) {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName }
            StandardError.writeLine("error: no command '\(arguments[1])' (commands: \(names.joined(separator: ", ")))")
            Foundation.exit(ExitStatus.badInput)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Foundation.exit(ExitStatus.report(error, command: self))
        }
    }
}

/// What `workbook --version` prints.
enum WorkbookVersion {
    static let string = "workbook 0.14.0"
}
