import ArgumentParser
import Foundation
import WorkbookEngine

struct AutograderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autograder",
        abstract: "Write a ready autograder for Gradescope or PrairieLearn.",
        discussion: """
            --course is the course root: the folder holding Chapters/ (the instructor's, with \
            solutions and hidden checks), Data/, and the workbook package (Package.swift, \
            Sources/) that builds `workbook` and the Course library. It is copied into \
            OUTPUT/course/, beside the platform's scripts:

              gradescope    setup.sh (Debian packages, the Swift toolchain, one build),
                            run_autograder (grades /autograder/submission into
                            /autograder/results/results.json), README.md
              prairielearn  Dockerfile (the grader image), grade.sh (the entry point:
                            /grade/student into /grade/results/results.json), README.md
                            with the info.json settings

            The scripts read their root from WORKBOOK_AUTOGRADER_ROOT (Gradescope) or \
            WORKBOOK_GRADE_ROOT (PrairieLearn), so they run locally against a fake tree.

            Examples:
              workbook autograder gradescope --course . --output Autograder/gradescope
              workbook autograder prairielearn --course . --output Autograder/pl --timeout 30

            Exit status: 0 written; 2 bad input (no Chapters/, a malformed chapter, OUTPUT \
            not empty or inside the course; nothing written); 3 the folder could not be written.
            """
    )

    @Argument(help: ArgumentHelp("gradescope or prairielearn.", valueName: "PLATFORM"))
    var platform: AutograderBundle.Platform

    @Option(name: .long, help: ArgumentHelp("The course root (holding Chapters/).", valueName: "DIR"))
    var course = "."

    @Option(name: [.short, .long], help: ArgumentHelp("A new folder for the autograder.", valueName: "FOLDER"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Seconds a cell may run while grading.", valueName: "S"))
    var timeout: Double = 60

    @Option(name: .long, help: ArgumentHelp("The Swift release the platform installs.", valueName: "VERSION"))
    var swiftVersion = "6.3.1"

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let written: (files: [String], warnings: [String])
        do {
            written = try AutograderBundle.write(platform, course: course, output: output, timeout: timeout,
                                                 swiftVersion: swiftVersion)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw ToolFailure("\(output): cannot write the autograder: \(error.localizedDescription)")
        }
        for warning in written.warnings { StandardError.writeLine("warning: \(warning)") }
        for file in written.files { print("\(output)/\(file)") }
    }
}

extension AutograderBundle.Platform: ExpressibleByArgument {}
