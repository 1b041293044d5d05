import ArgumentParser
import Foundation
import WorkbookEngine

/// `workbook grade`: a group whose default is grading a class (`grade SUBMISSIONS …` works as
/// `grade class SUBMISSIONS …`), beside `grade merge`.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a class: every student's exercises against the instructor's checks.",
        discussion: GradeClassCommand.discussion,
        subcommands: [GradeClassCommand.self, GradeMergeCommand.self],
        defaultSubcommand: GradeClassCommand.self
    )
}

struct GradeClassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Grade the students of SUBMISSIONS (the default: `grade class` is `grade`).",
        discussion: discussion
    )

    static let discussion = """
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

            The default CSV (csv-long) has one row per student, chapter and exercise: \
            student,chapter,exercise,points,max_points,passed,message,flags. passed is yes, no \
            or "could not grade" (the grader itself failed; points left empty). flags names \
            what a human should look at in the code (fd, _exit, dlopen, process, /proc, \
            #filePath): a flag is not a verdict. A summary of each student's total is printed.

            FORMATS (--format)
              csv-long      one row per student and exercise (the default; above)
              csv           one row per student: student,total,max_points, then one
                            column per exercise (CHAPTER.md:ID) holding its points
              canvas        Canvas's gradebook import: Student,ID,SIS User ID,SIS Login
                            ID,Section,ASSIGNMENT and a "Points Possible" row; --roster
                            maps folders to students (folders it lacks are kept and named)
              gradescope    Gradescope's results.json for ONE submission: SUBMISSIONS is
                            that student's folder; hidden checks shown after_published
              prairielearn  PrairieLearn's results.json for ONE submission (score 0-1)
              json          every grade and feedback, with the roster; what shards write
            Cells starting with = + - @ are quoted with a leading ' (no formulas).

            FEEDBACK
            Every student gets a report of their own exercises: ✓/✗ per check with its \
            message at the lines of their own file; hidden checks are named and scored, \
            their code and expected values withheld. csv, csv-long and canvas write \
            NAME.txt and NAME.html into --feedback (default: beside the output, e.g. \
            grades-feedback/); gradescope and prairielearn put it in results.json; json \
            holds it.

            LARGE CLASSES
            --shard I/N grades every N-th student (sorted by folder name) and writes a \
            json part that records the whole roster; `workbook grade merge` joins the \
            parts and refuses a student missing or graded twice.

            Examples:
              workbook grade Submissions --output grades.csv --timeout 20
              workbook grade Submissions --format csv -o grades.csv --jobs 2
              workbook grade Submissions --format canvas --roster roster.csv -o canvas.csv
              workbook grade Submissions --shard 2/4 --output part-2.json
              workbook grade merge part-*.json --format csv --output grades.csv
              workbook grade /autograder/submission --format gradescope \\
                  -o /autograder/results/results.json

            Every student's chapter programs run in the sandbox (see README, "Sandbox and \
            trust"); where it cannot start, grade stops with status 3 unless --no-sandbox is given.

            Exit status: 0 the grades were written; 2 bad input or usage (nothing \
            written); 3 could not grade (the sandbox cannot start, no toolchain or temporary folder, a process that \
            cannot start, an output that cannot be written): the cause is printed, and a \
            class file still holds everyone who was graded; gradescope and prairielearn then \
            write no results.json.
            """

    @Argument(help: "Folder with one sub-folder per student (for gradescope and prairielearn: one student's folder).")
    var submissions: String

    @Option(name: .long, help: ArgumentHelp("The instructor's chapters.", valueName: "DIR"))
    var course = "Chapters"

    @Option(name: [.short, .long], help: ArgumentHelp("The grades file to write.", valueName: "FILE"))
    var output: String

    @OptionGroup var formatting: GradeFormatting

    @Option(name: .long, help: ArgumentHelp(
        "Grade only shard I of N (1 ≤ I ≤ N): every N-th student by sorted folder name. Writes json.",
        valueName: "I/N"))
    var shard: String?

    @OptionGroup var parallelism: Parallelism

    @OptionGroup var settings: RunSettings

    func validate() throws {
        if shard != nil, let format = formatting.format, format != .json {
            throw ValidationError("--shard writes a json part for `workbook grade merge`; leave out --format or use json")
        }
    }

    func run() throws {
        var options = settings.runOptions
        options.sandbox = try settings.sandboxMode(required: true)
        options.jobs = parallelism.jobs
        let shard = try self.shard.map(Shard.init(parsing:))
        let format = formatting.format ?? (shard == nil ? .csvLong : .json)
        let roster = try formatting.loadRoster()
        let toolchain = try Toolchain.locate()
        let document = format.isOneSubmission
            ? try ClassReport.gradeOne(submission: submissions, course: [course], toolchain: toolchain, options: options)
            : try ClassReport.grade(submissions: submissions, course: [course], shard: shard, toolchain: toolchain,
                                    options: options)
        let failures = GradesCSV.couldNotGrade(document.grades)
        // One submission's platform file is all or nothing: no results.json rather than a 0
        // the student did not earn. A class file keeps everyone who was graded.
        if format.isOneSubmission, !failures.isEmpty { throw ToolFailure(failures.joined(separator: "\n")) }
        try formatting.write(document, format: format, roster: roster, to: output)
        print(GradesCSV.summary(document.grades), terminator: "")
        print("grades in \(output)" + (shard.map { " (shard \($0) of a class of \(document.roster.count))" } ?? ""))
        for line in failures { StandardError.writeLine("error: \(line)") }
        if !failures.isEmpty { throw ExitCode(ExitStatus.toolFailed) }
    }
}

/// `workbook grade merge`: shard parts into one grades file.
struct GradeMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the json parts written by `workbook grade --shard I/N` into one grades file.",
        discussion: """
            Every part records the roster it was cut from. The merge refuses parts cut from \
            different rosters, a shard given twice, a student graded twice, and any student \
            of the roster that no part holds (naming the missing shards). The result is the \
            same, byte for byte, as grading the class in one run with the same --format.

            Examples:
              workbook grade merge part-1.json part-2.json --output grades.csv
              workbook grade merge parts/*.json --format canvas --roster roster.csv -o canvas.csv

            Exit status: 0 merged and written; 2 bad input (a part missing, duplicated or \
            unreadable; nothing written); 3 the output could not be written.
            """
    )

    @Argument(help: ArgumentHelp("The parts (json files from `grade --shard`).", valueName: "PARTS"))
    var parts: [String]

    @Option(name: [.short, .long], help: ArgumentHelp("The grades file to write.", valueName: "FILE"))
    var output: String

    @OptionGroup var formatting: GradeFormatting

    func validate() throws {
        guard !parts.isEmpty else { throw ValidationError("name at least one part to merge") }
        if let format = formatting.format, format.isOneSubmission {
            throw ValidationError("--format \(format.rawValue) describes one submission; merge writes a class")
        }
    }

    func run() throws {
        let documents = try parts.map { ($0, try GradeDocument.read($0)) }
        let merged = try ShardMerge.merge(documents)
        try formatting.write(merged, format: formatting.format ?? .csvLong, roster: try formatting.loadRoster(), to: output)
        print(GradesCSV.summary(merged.grades), terminator: "")
        print("grades of \(merged.students.count) students from \(parts.count) parts in \(output)")
        // A part may hold chapters its shard could not grade: merged, and reported again.
        let failures = GradesCSV.couldNotGrade(merged.grades)
        for line in failures { StandardError.writeLine("error: \(line)") }
        if !failures.isEmpty { throw ExitCode(ExitStatus.toolFailed) }
    }
}

/// The options `grade` and `grade merge` share: how to write the grades and the feedback.
struct GradeFormatting: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "csv-long (default), csv, canvas, gradescope, prairielearn or json; see FORMATS.", valueName: "FORMAT"))
    var format: GradeFormat?

    @Option(name: .long, help: ArgumentHelp(
        "For canvas: a CSV (Canvas's own gradebook export works) mapping folders to students.", valueName: "FILE"))
    var roster: String?

    @Option(name: .long, help: ArgumentHelp("For canvas: the assignment column's name.", valueName: "NAME"))
    var assignment = "Workbook"

    @Option(name: .long, help: ArgumentHelp(
        "Folder for each student's NAME.txt and NAME.html feedback (default: OUTPUT's stem + -feedback).",
        valueName: "DIR"))
    var feedback: String?

    @Flag(name: .long, help: "Write no feedback folder.")
    var noFeedback = false

    func loadRoster() throws -> Roster? { try roster.map(Roster.load) }

    func write(_ document: GradeDocument, format: GradeFormat, roster: Roster?, to output: String) throws {
        let rendered = try format.render(document, roster: roster, assignment: assignment)
        // Writes fail as ToolFailure (exit 3), from the atomic writer.
        try ReportFile.write(Array(rendered.text.utf8), to: output)
        if !noFeedback, let folder = feedback ?? (format.writesFeedbackFolder ? FeedbackFiles.defaultFolder(for: output) : nil) {
            try FeedbackFiles.write(document, to: folder)
            print("feedback in \(folder)/")
        }
        for warning in rendered.warnings { StandardError.writeLine("warning: \(warning)") }
    }
}

extension GradeFormat: ExpressibleByArgument {}
