/// Why something failed, at a place in a chapter file.
public struct Finding: Codable, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
}

/// One check block's verdict.
public struct CheckGrade: Codable, Equatable, Sendable {
    /// Fence line of the check block.
    public var line: Int
    public var hidden: Bool
    public var passed: Bool
    public var points: Double
    public var maxPoints: Double
}

/// One exercise's verdict.
public struct ExerciseGrade: Codable, Equatable, Sendable {
    public var id: String
    public var file: String
    /// Fence line of the exercise block.
    public var line: Int
    /// Every check passed.
    public var passed: Bool
    public var points: Double
    public var maxPoints: Double
    /// Whose code was graded.
    public var answer: AnswerSource
    /// The student's code stopped or did not compile, so later runs used this in its place
    /// (the reference solution, or nothing when there is none) to grade the other exercises.
    public var replacement: AnswerSource?

    public var replacedByReference: Bool { replacement == .reference }
    public var checks: [CheckGrade]
    /// Empty when it passed.
    public var findings: [Finding]
    /// Its code or a check crashed, timed out or did not compile (rather than an expectation
    /// failing): JUnit calls that an error, not a failure.
    public var stopped: Bool? = nil
    /// Wall time of its cells in the graded run.
    public var seconds: Double? = nil
    /// `grade` only: what in the student's code a human should look at (`SubmissionFlags`).
    public var flags: [String]? = nil
}

/// `workbook check` for one chapter: every exercise, and every expected output outside them.
public struct ChapterCheck: Codable, Equatable, Sendable {
    public var path: String
    public var exercises: [ExerciseGrade]
    /// Failures that belong to no exercise: expected-output mismatches, crashes, compile errors.
    public var problems: [Finding]
    /// How many runs it took (one more per exercise whose code had to be replaced).
    public var runs: Int
    /// Of those runs, how many were results reused from the cache (inputs unchanged).
    public var cachedRuns: Int? = nil
    /// The chapter crashed, timed out or did not compile outside any exercise.
    public var stopped: Bool? = nil
    /// When the check began (ISO 8601, UTC) and its wall time over every run.
    public var started: String? = nil
    public var seconds: Double? = nil
    /// Set when the engine itself failed (no temporary folder, a process it could not start):
    /// the exercises' verdicts then say nothing about the code.
    public var couldNotGrade: String? = nil

    public var passed: Bool { couldNotGrade == nil && problems.isEmpty && exercises.allSatisfy(\.passed) }
    public var points: Double { exercises.reduce(0) { $0 + $1.points } }
    public var maxPoints: Double { exercises.reduce(0) { $0 + $1.maxPoints } }

    /// Moves every place through `map` (grading a spliced chapter reports the student's lines).
    func relocated(_ map: (String, Int) -> (String, Int)) -> ChapterCheck {
        var copy = self
        func move(_ finding: inout Finding) { (finding.file, finding.line) = map(finding.file, finding.line) }
        for index in copy.problems.indices { move(&copy.problems[index]) }
        for exercise in copy.exercises.indices {
            for finding in copy.exercises[exercise].findings.indices { move(&copy.exercises[exercise].findings[finding]) }
            let file = copy.exercises[exercise].file
            (copy.exercises[exercise].file, copy.exercises[exercise].line) = map(file, copy.exercises[exercise].line)
            for check in copy.exercises[exercise].checks.indices {
                copy.exercises[exercise].checks[check].line = map(file, copy.exercises[exercise].checks[check].line).1
            }
        }
        return copy
    }
}
