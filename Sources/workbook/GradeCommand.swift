import ArgumentParser
import Foundation
import WorkbookEngine

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a class: every student's exercises against the instructor's checks.",
        discussion: """
            Each sub-folder of SUBMISSIONS is one student's copy of the chapters (directly in \
            it or in its Chapters/). Only the student's exercise blocks are taken, by id, into \
            the instructor's chapters from --course: the instructor's checks, hidden ones \
            included, grade them, whatever the student did to the checks in their copy.

            Students are graded in parallel, each chapter in its own processes. An exercise \
            that crashes, runs past --timeout or does not compile scores 0 with its message, \
            and the student's other exercises are still graded.

            Only code is taken from a student: each exercise block's code, re-fenced so it \
            cannot open or close a block. Prose never matters (not even bytes that are not \
            UTF-8). Each block is screened alone first: one that does not parse (a missing }), \
            declares a name the checks use (expectEqual, …) or uses the engine's API fails with \
            the student's FILE:LINE, and only that exercise fails.

            The CSV has one row per student, chapter and exercise: \
            student,chapter,exercise,points,max_points,passed,message,flags. passed is yes, no \
            or "could not grade" (the grader itself failed; points left empty). flags names \
            what a human should look at in the code (fd, _exit, dlopen, process, /proc, \
            #filePath): a flag is not a verdict. Cells starting with = + - @ are defused for \
            spreadsheets. A summary of each student's total is printed.

            Examples:
              workbook grade Submissions --output grades.csv --timeout 20
              workbook grade Submissions --course Instructor/Chapters -o grades.csv --jobs 2

            Exit status: 0 the grades were written; 2 bad input or usage; 3 could not grade \
            (no temporary folder, a process that cannot start, a CSV that cannot be written): \
            the cause is printed, and the CSV still holds everyone who was graded.
            """
    )

    @Argument(help: "Folder with one sub-folder per student.")
    var submissions: String

    @Option(name: .long, help: ArgumentHelp("The instructor's chapters.", valueName: "DIR"))
    var course = "Chapters"

    @Option(name: [.short, .long], help: ArgumentHelp("The grades CSV to write.", valueName: "FILE"))
    var output: String

    @OptionGroup var parallelism: Parallelism

    @OptionGroup var settings: RunSettings

    func run() throws {
        var options = settings.runOptions
        options.jobs = parallelism.jobs
        let toolchain = try Toolchain.locate()
        let grades = try ClassGrading.grade(submissions: submissions, course: [course], toolchain: toolchain,
                                            options: options)
        try ReportFile.write(Array(GradesCSV.text(grades).utf8), to: output)
        print(GradesCSV.summary(grades), terminator: "")
        print("grades in \(output)")
        let failures = GradesCSV.couldNotGrade(grades)
        for line in failures { StandardError.writeLine("error: \(line)") }
        if !failures.isEmpty { throw ExitCode(ExitStatus.toolFailed) }
    }
}

