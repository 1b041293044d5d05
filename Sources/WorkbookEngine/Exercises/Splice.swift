/// Grading a submission: the instructor's chapter with each exercise block's code replaced by
/// the student's code of the same id. Only code crosses over, re-fenced with a fence longer
/// than any backtick run in it, so no student text can close the block or open another.
/// Everything else — checks (hidden ones too), points, prose, other cells — is the instructor's.
struct Splice {
    /// The spliced chapter (labelled with the instructor's path).
    var chapter: Chapter
    /// Spliced line → where it came from: the student's file inside their exercise blocks, the
    /// instructor's file everywhere else.
    var origins: [(file: String, line: Int)]
    /// Ids of the exercises the student's file answers (the others keep the starting code).
    var answered: Set<String>

    /// `student` nil: the student has no such file; their exercise blocks are the starting code.
    static func make(instructor: Chapter, exercises: ExerciseSet, student: StudentExercises?) throws -> Splice {
        let source = SourceLines(Array(instructor.source.utf8))
        var edits: [(lines: ClosedRange<Int>, with: [UInt8])] = []
        // Instructor line where each replaced block starts → the student's block.
        var replacedAt: [Int: StudentExercises.Block] = [:]
        for exercise in exercises.exercises {
            let mine = instructor.cells[exercise.exerciseCell]
            guard let theirs = student?.blocks[exercise.id] else { continue }
            edits.append((mine.fenceLine...mine.closingFenceLine,
                          refenced(theirs.code, openingLine: Array(source.lines[mine.fenceLine - 1]))))
            replacedAt[mine.fenceLine] = theirs
        }
        var origins: [(file: String, line: Int)] = []
        var line = 1
        while line <= source.lines.count {
            if let theirs = replacedAt[line], let student {
                let mine = instructor.cells.first { $0.fenceLine == line }!
                origins.append((student.path, theirs.fenceLine))
                let codeLines = theirs.code.utf8.filter { $0 == UInt8(ascii: "\n") }.count
                for offset in 0..<codeLines { origins.append((student.path, theirs.fenceLine + 1 + offset)) }
                origins.append((student.path, theirs.closingFenceLine))
                line = mine.closingFenceLine + 1
            } else {
                origins.append((instructor.path, line))
                line += 1
            }
        }
        let spliced = try ChapterParser.parse(path: instructor.path, bytes: source.replacing(edits))
        // Re-fencing makes this impossible; should it ever happen, grading refuses rather than
        // grading a chapter of another shape.
        let splicedSet = try ExerciseSet(spliced)
        guard splicedSet == exercises, spliced.cells.count == instructor.cells.count,
              exercises.exercises.allSatisfy({ exercise in
                  student?.blocks[exercise.id].map { normalised($0.code) == normalised(spliced.cells[exercise.exerciseCell].code) } ?? true
              }) else {
            throw ToolFailure("\(student?.path ?? instructor.path): splicing the exercise code changed the chapter's structure")
        }
        return Splice(chapter: spliced, origins: origins,
                      answered: Set(exercises.exercises.map(\.id).filter { student?.blocks[$0] != nil }))
    }

    /// The block: a fence one backtick longer than the longest run in the code (at least
    /// three), the instructor's info string and line ending, the code, the same fence.
    static func refenced(_ code: String, openingLine: [UInt8]) -> [UInt8] {
        var longest = 0, run = 0
        for byte in code.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = [UInt8](repeating: UInt8(ascii: "`"), count: max(3, longest + 1))
        let afterIndent = openingLine.drop { $0 == UInt8(ascii: " ") }
        let fenceCharacter = afterIndent.first ?? UInt8(ascii: "`")
        let infoAndEnd = afterIndent.drop { $0 == fenceCharacter }
        let end: [UInt8] = openingLine.reversed().starts(with: [10, 13]) ? [13, 10] : [10]
        var body = Array(code.utf8)
        if !body.isEmpty && body.last != 10 { body += end }
        return fence + infoAndEnd + body + fence + end
    }

    private static func normalised(_ code: String) -> String {
        var text = code
        while text.hasSuffix("\n") || text.hasSuffix("\r\n") { text.removeLast() }
        return text
    }

    func origin(file: String, line: Int) -> (String, Int) {
        guard file == chapter.path, line >= 1, line <= origins.count else { return (file, line) }
        return origins[line - 1]
    }
}
