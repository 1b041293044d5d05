import Foundation

/// What one student is told about their grade: every check of every exercise with ✓/✗ and its
/// message, placed at lines of the student's own file. Hidden checks are named and scored, but
/// their code, messages and expected values never appear here (they stay in the instructor's
/// `StudentGrade`). Paths are relative to the student's submission folder, never the grader's.
public struct StudentFeedback: Codable, Equatable, Sendable {
    public var student: String
    public var points: Double
    public var maxPoints: Double
    public var chapters: [ChapterFeedback]
}

public struct ChapterFeedback: Codable, Equatable, Sendable {
    /// The chapter's file name, as the course names it.
    public var chapter: String
    /// The student's copy, relative to their folder; nil when they handed in none.
    public var file: String?
    public var points: Double
    public var maxPoints: Double
    public var exercises: [ExerciseFeedback]
    /// The grader itself failed on this chapter: its points are not a verdict on the work.
    public var couldNotGrade: Bool? = nil
}

public struct ExerciseFeedback: Codable, Equatable, Sendable {
    public var id: String
    /// The exercise block's opening fence in the student's file.
    public var line: Int?
    public var passed: Bool
    public var points: Double
    public var maxPoints: Double
    /// The code that was graded (the student's exercise block).
    public var code: String?
    /// What went wrong with the answer itself: compile errors, a crash, a missing file.
    public var messages: [FeedbackMessage]
    public var checks: [CheckFeedback]
}

public struct CheckFeedback: Codable, Equatable, Sendable {
    /// `check 1`, `hidden check 2`: checks are numbered in chapter order within their exercise.
    public var name: String
    public var hidden: Bool
    /// The check block's fence in the student's file (nil for a hidden check: they have none).
    public var line: Int?
    public var passed: Bool
    public var points: Double
    public var maxPoints: Double
    public var messages: [FeedbackMessage]
}

public struct FeedbackMessage: Codable, Equatable, Sendable {
    /// A line of the student's file, when the message has one there.
    public var line: Int?
    public var text: String
}

extension StudentFeedback {
    /// What a failed hidden check says instead of its own message.
    public static let withheld = "a hidden check failed; its code and expected values are not shown"

    /// What a chapter the grader could not grade says (its cause is for the instructor).
    public static let notGraded = "not graded: the grader failed on this chapter, not your work; it will be graded again"
}
