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
        let tests = feedback.eachCheck { place, messages in
            Test(name: "\(place.chapter.chapter) \(place.exercise.id): \(place.check.name)"
                     + (place.check.line.map { " (line \($0))" } ?? ""),
                 number: place.number, score: place.check.points,
                 max_score: place.check.maxPoints, status: place.check.passed ? "passed" : "failed",
                 output: messages.map(FeedbackText.message).joined(separator: "\n"),
                 visibility: place.check.hidden ? "after_published" : "visible")
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
        let tests = feedback.eachCheck { place, own in
            let (chapter, check) = (place.chapter, place.check)
            return Test(name: "\(chapter.chapter) \(place.exercise.id): \(check.name)",
                        description: check.line.map { "\(chapter.file ?? chapter.chapter), line \($0)" }
                            ?? (check.hidden ? "hidden check" : chapter.chapter),
                        points: check.points, max_points: check.maxPoints,
                        message: check.passed ? "passed" : (own.first.map(FeedbackText.message) ?? "failed"),
                        output: own.map(FeedbackText.message).joined(separator: "\n"))
        }
        let score = feedback.maxPoints > 0 ? min(1, max(0, feedback.points / feedback.maxPoints)) : 0
        var document = Document(gradable: true, score: score,
                                message: "\(CheckFormat.number(feedback.points))/\(CheckFormat.number(feedback.maxPoints)) points",
                                output: FeedbackText.render(feedback), tests: tests)
        var text = try GradeJSON.encode(document)
        guard text.utf8.count > maximumBytes else { return text }
        // Over the documented 1 MB (a student's code can print a lot into its messages): each
        // test's texts are cut, then the whole output to what is left. Points are never cut.
        for index in document.tests.indices {
            document.tests[index].message = cut(document.tests[index].message, to: 500)
            document.tests[index].output = cut(document.tests[index].output, to: 2_000)
        }
        document.output = ""
        let rest = maximumBytes - (try GradeJSON.encode(document)).utf8.count - 1_000
        if rest < 0 {
            for index in document.tests.indices { (document.tests[index].message, document.tests[index].output) = ("", "") }
        }
        document.output = cut(FeedbackText.render(feedback), to: max(0, rest) / 6)
        text = try GradeJSON.encode(document)
        return text
    }

    /// PrairieLearn's limit on results.json ("limited to 1 MB").
    public static let maximumBytes = 1_000_000
    /// What ends a text that was cut to fit.
    public static let cutNote = "\n… cut here: results.json must stay under 1 MB"

    /// At most `limit` Unicode scalars, `cutNote` included. (Scalars, not characters: one
    /// character may hold any number of combining scalars. JSON may write a scalar as six
    /// bytes, which is why the caller divides its byte budget by six.)
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.unicodeScalars.count > limit else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.prefix(max(0, limit - cutNote.unicodeScalars.count)))
        return String(kept) + cutNote
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

extension StudentFeedback {
    /// Where one check stands: its chapter, exercise and `chapter.exercise.check` number (1-based).
    struct CheckPlace {
        var chapter: ChapterFeedback
        var exercise: ExerciseFeedback
        var check: CheckFeedback
        var number: String
    }

    /// One value per check, in order, from the check's place and its messages. The answer's own
    /// messages (a compile error, a crash) go with its exercise's first check.
    func eachCheck<T>(_ make: (CheckPlace, [FeedbackMessage]) -> T) -> [T] {
        var values: [T] = []
        for (c, chapter) in chapters.enumerated() {
            for (e, exercise) in chapter.exercises.enumerated() {
                for (k, check) in exercise.checks.enumerated() {
                    let place = CheckPlace(chapter: chapter, exercise: exercise, check: check,
                                           number: "\(c + 1).\(e + 1).\(k + 1)")
                    values.append(make(place, (k == 0 ? exercise.messages : []) + check.messages))
                }
            }
        }
        return values
    }
}
