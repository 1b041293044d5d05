import Foundation

/// `--format gradescope`: the `results.json` Gradescope's autograder reads for one submission
/// (its "Autograder specifications"): a total `score`, the student's feedback as `output`,
/// and one test per check with `score`, `max_score`, `status`, `output` and `visibility`.
/// A hidden check is scored now but shown only `after_published`, and even then says only
/// ✓/✗ (its code and expected values stay with the instructor).
public enum GradescopeResults {
    struct Document: Encodable {
        var score: Double
        var output: String
        var output_format = "text"
        var test_output_format = "text"
        var visibility = "visible"
        var stdout_visibility = "hidden"
        var tests: [Test]
    }

    struct Test: Encodable {
        var name: String
        var number: String
        var score: Double
        var max_score: Double
        var status: String
        var output: String
        var visibility: String
    }

    public static func json(_ feedback: StudentFeedback) throws -> String {
        var tests: [Test] = []
        for (c, chapter) in feedback.chapters.enumerated() {
            for (e, exercise) in chapter.exercises.enumerated() {
                for (k, check) in exercise.checks.enumerated() {
                    // The answer's own messages (a compile error, a crash) go with its first check.
                    var lines = k == 0 ? exercise.messages.map(FeedbackText.message) : []
                    lines += check.messages.map(FeedbackText.message)
                    tests.append(Test(name: "\(chapter.chapter) \(exercise.id): \(check.name)"
                                          + (check.line.map { " (line \($0))" } ?? ""),
                                      number: "\(c + 1).\(e + 1).\(k + 1)", score: check.points,
                                      max_score: check.maxPoints, status: check.passed ? "passed" : "failed",
                                      output: lines.joined(separator: "\n"),
                                      visibility: check.hidden ? "after_published" : "visible"))
                }
            }
        }
        return try GradeJSON.encode(Document(score: feedback.points, output: FeedbackText.render(feedback), tests: tests))
    }
}

/// `--format prairielearn`: the `results.json` PrairieLearn's external grader reads from
/// `/grade/results/` (its "External grading" documentation): `gradable`, `score` as a fraction
/// in 0–1, a one-line `message`, the feedback as `output`, and one test per check with
/// `points`, `max_points`, `message` and `output`.
public enum PrairieLearnResults {
    struct Document: Encodable {
        var gradable: Bool
        var score: Double
        var message: String
        var output: String
        var tests: [Test]
    }

    struct Test: Encodable {
        var name: String
        var description: String
        var points: Double
        var max_points: Double
        var message: String
        var output: String
    }

    public static func json(_ feedback: StudentFeedback) throws -> String {
        var tests: [Test] = []
        for chapter in feedback.chapters {
            for exercise in chapter.exercises {
                for (k, check) in exercise.checks.enumerated() {
                    let own = (k == 0 ? exercise.messages : []) + check.messages
                    tests.append(Test(name: "\(chapter.chapter) \(exercise.id): \(check.name)",
                                      description: check.line.map { "\(chapter.file ?? chapter.chapter), line \($0)" }
                                          ?? (check.hidden ? "hidden check" : chapter.chapter),
                                      points: check.points, max_points: check.maxPoints,
                                      message: check.passed ? "passed" : (own.first.map(FeedbackText.message) ?? "failed"),
                                      output: own.map(FeedbackText.message).joined(separator: "\n")))
                }
            }
        }
        let score = feedback.maxPoints > 0 ? min(1, max(0, feedback.points / feedback.maxPoints)) : 0
        return try GradeJSON.encode(Document(gradable: true, score: score,
                                         message: "\(CheckFormat.number(feedback.points))/\(CheckFormat.number(feedback.maxPoints)) points",
                                         output: FeedbackText.render(feedback), tests: tests))
    }

    /// What the entry point writes when the grader itself failed: PrairieLearn then charges the
    /// student nothing and shows the message.
    public static func notGradable(_ message: String) throws -> String {
        struct Failed: Encodable { var gradable = false; var message: String }
        return try GradeJSON.encode(Failed(message: message))
    }
}

enum GradeJSON {
    /// Sorted keys and no escaped slashes: the same grades give the same bytes.
    /// Non-finite points cannot be written as JSON: an error, never a silent `{}`.
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw WorkbookError("cannot write the grades as JSON: a number is not finite (\(error))")
        }
    }
}
