/// Grading a submission: the instructor's chapter with each exercise block's code replaced by
/// the student's block of the same id. Everything else — checks (hidden ones too), prose, other
/// cells — is the instructor's, whatever the student's copy says.
struct Splice {
    /// The spliced chapter (labelled with the instructor's path).
    var chapter: Chapter
    /// Spliced line → where it came from: the student's file inside their exercise blocks, the
    /// instructor's file everywhere else.
    var origins: [(file: String, line: Int)]

    /// `student` nil: the student has no such file; their exercise blocks are the starting code.
    static func make(instructor: Chapter, exercises: ExerciseSet, student: Chapter?) throws -> Splice {
        let source = SourceLines(Array(instructor.source.utf8))
        var edits: [(lines: ClosedRange<Int>, with: [UInt8])] = []
        // Instructor line where each replaced block starts → the student's cell.
        var replacedAt: [Int: Cell] = [:]
        for exercise in exercises.exercises {
            let mine = instructor.cells[exercise.exerciseCell]
            guard let theirs = student?.cells.first(where: { $0.attributes.kind == .exercise && $0.attributes.id == exercise.id })
            else { continue }
            let bytes = Array(source.lines[mine.fenceLine - 1]) + Array(theirs.code.utf8)
                + Array(source.lines[mine.closingFenceLine - 1])
            edits.append((mine.fenceLine...mine.closingFenceLine, bytes))
            replacedAt[mine.fenceLine] = theirs
        }
        var origins: [(file: String, line: Int)] = []
        var line = 1
        while line <= source.lines.count {
            if let theirs = replacedAt[line], let student {
                let mine = instructor.cells.first { $0.fenceLine == line }!
                let codeLines = theirs.closingFenceLine - theirs.fenceLine - 1
                for offset in 0...(codeLines + 1) { origins.append((student.path, theirs.fenceLine + offset)) }
                line = mine.closingFenceLine + 1
            } else {
                origins.append((instructor.path, line))
                line += 1
            }
        }
        let bytes = source.replacing(edits)
        let spliced = try ChapterParser.parse(path: instructor.path, bytes: bytes)
        // A student's block that closes the instructor's fence early would change the chapter's shape.
        let splicedSet = try ExerciseSet(spliced)
        guard splicedSet.exercises.map(\.id) == exercises.exercises.map(\.id),
              spliced.cells.count == instructor.cells.count else {
            throw WorkbookError("an exercise block's code changes the chapter's structure (a stray ``` fence?)",
                                file: student?.path ?? instructor.path, line: 0)
        }
        return Splice(chapter: spliced, origins: origins)
    }

    func origin(file: String, line: Int) -> (String, Int) {
        guard file == chapter.path, line >= 1, line <= origins.count else { return (file, line) }
        return origins[line - 1]
    }
}
