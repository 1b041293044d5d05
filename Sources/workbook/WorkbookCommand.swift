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

            EXIT STATUS
              0  every cell ran as expected
              1  a chapter failed to compile, crashed, timed out or failed a check
              2  bad input (missing path, not UTF-8, unknown cell attribute, unterminated
                 fence, duplicate id) or bad usage; nothing is written
            """,
        subcommands: [BuildCommand.self, RunCommand.self, CheckCommand.self, ReleaseCommand.self, GradeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// ArgumentParser's own main exits 64 on usage errors; the workbook promises 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Foundation.exit(ExitStatus.report(error, command: self))
        }
    }
}
