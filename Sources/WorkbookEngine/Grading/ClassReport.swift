import Foundation

/// Grades a class (or one shard of it, or one submission) into a `GradeDocument`: each
/// student's grade by `ClassGrading`'s rules, and the feedback made from it.
public enum ClassReport {
    /// Every student folder of `submissions`, by name, sorted: the roster a shard is cut from.
    public static func roster(of submissions: String) throws -> [String] {
        try ClassGrading.studentFolders(in: submissions).map { URL(fileURLWithPath: $0).lastPathComponent }.sorted()
    }

    public static func grade(submissions: String, course: [String], shard: Shard?, toolchain: Toolchain,
                             options: RunOptions) throws -> GradeDocument {
        let roster = try roster(of: submissions)
        let names = shard?.select(roster) ?? roster
        let entries = try grade(folders: names.map { submissions + "/" + $0 }, course: course,
                                toolchain: toolchain, options: options)
        return GradeDocument(roster: roster, shard: shard, students: entries)
    }

    /// One student's folder (Gradescope's `/autograder/submission`, PrairieLearn's `/grade/student`).
    public static func gradeOne(submission: String, course: [String], toolchain: Toolchain,
                                options: RunOptions) throws -> GradeDocument {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: submission, isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkbookError("\(submission): no such submission folder")
        }
        let name = URL(fileURLWithPath: submission).lastPathComponent
        let entries = try grade(folders: [submission], course: course, toolchain: toolchain, options: options)
        return GradeDocument(roster: [name], shard: nil, students: entries)
    }

    static func grade(folders: [String], course: [String], toolchain: Toolchain,
                      options: RunOptions) throws -> [GradeDocument.Entry] {
        let chapters = try Workbook.loadChapters(course)
        let sets = try chapters.map(ExerciseSet.init)
        try ExerciseSet.requireFiniteTotal(sets)
        let grader = ExerciseGrader(toolchain: toolchain, options: options)
        return boundedParallelMap(folders, limit: max(1, options.jobs)) { folder in
            let grade = StudentGrade(student: URL(fileURLWithPath: folder).lastPathComponent,
                                     chapters: zip(chapters, sets).map { chapter, set in
                                         ClassGrading.gradeChapter(chapter, set, studentFolder: folder, grader: grader)
                                     })
            return GradeDocument.Entry(grade: grade,
                                       feedback: FeedbackBuilder.make(grade, course: chapters, studentFolder: folder))
        }
    }
}
