import Foundation

/// Turns the instructor's verdict on one student (`StudentGrade`, whose places are the spliced
/// chapter's: the student's file inside their exercise blocks, the instructor's file elsewhere)
/// into what that student may read: every place moved to their own file, hidden checks
/// reduced to their name, score and ✓/✗.
public enum FeedbackBuilder {
    /// `studentFolder`: the folder the grade was made from (the same string `ClassGrading` used,
    /// so the findings' paths match it).
    public static func make(_ grade: StudentGrade, course: [Chapter], studentFolder: String) -> StudentFeedback {
        var byPath: [String: Chapter] = [:]
        for chapter in course where byPath[chapter.path] == nil { byPath[chapter.path] = chapter }
        let chapters = grade.chapters.map { chapter($0, instructor: byPath[$0.path], studentFolder: studentFolder) }
        return StudentFeedback(student: grade.student, points: grade.points, maxPoints: grade.maxPoints,
                               chapters: chapters)
    }

    static func chapter(_ check: ChapterCheck, instructor: Chapter?, studentFolder: String) -> ChapterFeedback {
        let name = URL(fileURLWithPath: check.path).lastPathComponent
        // The same two places `ClassGrading` looks for a student's copy.
        let relative = [name, "Chapters/" + name].first {
            FileManager.default.fileExists(atPath: studentFolder + "/" + $0)
        }
        let studentPath = relative.map { studentFolder + "/" + $0 }
        let bytes = studentPath.flatMap { FileManager.default.contents(atPath: $0) }.map(Array.init) ?? []
        // Grading read only the exercise blocks (any bytes); the whole chapter, when it parses,
        // places the visible checks too.
        let blocks = studentPath.flatMap { try? StudentExercises.read(path: $0, bytes: bytes) }
        let student = studentPath.flatMap { try? ChapterParser.parse(path: $0, bytes: bytes) }
        let cells = CellCorrespondence(instructor: instructor, student: student)
        var exercises = check.exercises.map {
            exercise($0, cells: cells, theirs: blocks?.blocks[$0.id], studentPath: studentPath, instructorPath: check.path)
        }
        if check.couldNotGrade != nil {
            for index in exercises.indices {
                exercises[index].messages = [FeedbackMessage(line: nil, text: StudentFeedback.notGraded)]
                for c in exercises[index].checks.indices { exercises[index].checks[c].messages = [] }
            }
        }
        return ChapterFeedback(chapter: name, file: studentPath == nil ? nil : relative, points: check.points,
                               maxPoints: check.maxPoints, exercises: exercises,
                               couldNotGrade: check.couldNotGrade == nil ? nil : true)
    }

    static func exercise(_ grade: ExerciseGrade, cells: CellCorrespondence, theirs: StudentExercises.Block?,
                         studentPath: String?, instructorPath: String) -> ExerciseFeedback {
        // Each check's block in the instructor's chapter, to attribute findings to checks.
        let checkCells = grade.checks.map { check in
            cells.instructor?.cells.first { $0.fenceLine == check.line && $0.attributes.kind == .check }
        }
        var checkMessages = Array(repeating: [FeedbackMessage](), count: grade.checks.count)
        var messages: [FeedbackMessage] = []
        for finding in grade.findings {
            if finding.file == instructorPath,
               let owner = checkCells.firstIndex(where: { cell in
                   cell.map { ($0.fenceLine...$0.closingFenceLine).contains(finding.line) } ?? false
               }) {
                let hidden = grade.checks[owner].hidden
                let message = hidden ? FeedbackMessage(line: nil, text: StudentFeedback.withheld)
                    : FeedbackMessage(line: cells.studentLine(forInstructorLine: finding.line), text: finding.message)
                if !checkMessages[owner].contains(message) { checkMessages[owner].append(message) }
                continue
            }
            if let studentPath, finding.file == studentPath {
                messages.append(FeedbackMessage(line: finding.line > 0 ? finding.line : nil, text: finding.message))
            } else if finding.file == instructorPath {
                if let cell = cells.instructorCell(containing: finding.line), cells.isPrivate(cell) {
                    messages.append(FeedbackMessage(line: nil, text: "the course's own code stopped "
                        + "(in a part of the chapter your copy does not have)"))
                } else {
                    messages.append(FeedbackMessage(line: cells.studentLine(forInstructorLine: finding.line),
                                                    text: finding.message))
                }
            } else {
                messages.append(FeedbackMessage(line: nil, text: finding.message))
            }
        }
        var visibleOrdinal = 0
        let checks = grade.checks.enumerated().map { index, check -> CheckFeedback in
            var line: Int?
            if !check.hidden {
                visibleOrdinal += 1
                line = cells.studentCheckLine(exercise: grade.id, ordinal: visibleOrdinal)
            }
            var own = checkMessages[index]
            if !check.passed && own.isEmpty {
                own = [FeedbackMessage(line: nil, text: check.hidden ? StudentFeedback.withheld
                                       : "not passed: the answer did not get this far (see above)")]
            }
            return CheckFeedback(name: (check.hidden ? "hidden check " : "check ") + String(index + 1),
                                 hidden: check.hidden, line: line, passed: check.passed, points: check.points,
                                 maxPoints: check.maxPoints, messages: own)
        }
        return ExerciseFeedback(id: grade.id, line: theirs?.fenceLine, passed: grade.passed, points: grade.points,
                                maxPoints: grade.maxPoints, code: theirs?.code, messages: messages, checks: checks)
    }
}

/// Which cell of the student's copy is which cell of the instructor's chapter: exercises by
/// id, visible checks by id and order, ordinary cells by order. Solutions and hidden checks
/// have no counterpart (the student edition has none).
struct CellCorrespondence {
    let instructor: Chapter?
    let student: Chapter?
    private var pairs: [Int: Cell] = [:]

    init(instructor: Chapter?, student: Chapter?) {
        self.instructor = instructor
        self.student = student
        guard let instructor, let student else { return }
        var theirs: [String: Cell] = [:]
        for (key, cell) in Self.keyed(student) where theirs[key] == nil { theirs[key] = cell }
        for (key, cell) in Self.keyed(instructor) { if let match = theirs[key] { pairs[cell.index] = match } }
    }

    static func keyed(_ chapter: Chapter) -> [(String, Cell)] {
        var ordinary = 0
        var checks: [String: Int] = [:]
        return chapter.cells.compactMap { cell in
            let id = cell.attributes.id ?? ""
            switch cell.attributes.kind {
            case .exercise: return ("exercise:" + id, cell)
            case .solution: return nil
            case .check:
                if cell.attributes.hidden { return nil }
                checks[id, default: 0] += 1
                return ("check:\(id):\(checks[id]!)", cell)
            case .code:
                ordinary += 1
                return ("cell:\(ordinary)", cell)
            }
        }
    }

    /// A cell the student never sees: a solution or a hidden check.
    func isPrivate(_ cell: Cell) -> Bool {
        cell.attributes.kind == .solution || (cell.attributes.kind == .check && cell.attributes.hidden)
    }

    func instructorCell(containing line: Int) -> Cell? {
        instructor?.cells.first { ($0.fenceLine...$0.closingFenceLine).contains(line) }
    }

    func studentLine(forInstructorLine line: Int) -> Int? {
        guard let mine = instructorCell(containing: line), let theirs = pairs[mine.index] else { return nil }
        return min(theirs.fenceLine + (line - mine.fenceLine), theirs.closingFenceLine)
    }

    func studentCheckLine(exercise id: String, ordinal: Int) -> Int? {
        guard let student else { return nil }
        return Self.keyed(student).first { $0.0 == "check:\(id):\(ordinal)" }?.1.fenceLine
    }
}
