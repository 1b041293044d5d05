/// A student's feedback as plain text: the same in the terminal, a Gradescope `output`, a
/// PrairieLearn `output` and `FEEDBACK/NAME.txt`.
///
///     alice: 5/6 points
///     01-sums.md
///       ✓ mean  3/3 points (line 11)
///           ✓ check 1  2/2 (line 24)
///           ✓ hidden check 2  1/1
public enum FeedbackText {
    public static func render(_ feedback: StudentFeedback) -> String {
        var out = "\(feedback.student): \(number(feedback.points))/\(number(feedback.maxPoints)) points\n"
        for chapter in feedback.chapters {
            out += "\(chapter.file ?? chapter.chapter)"
                + (chapter.file == nil ? " (not handed in)" : "") + (chapter.couldNotGrade == true ? " (not graded)" : "")
                + "  \(number(chapter.points))/\(number(chapter.maxPoints)) points\n"
            for exercise in chapter.exercises { out += self.exercise(exercise) }
        }
        return out
    }

    public static func exercise(_ exercise: ExerciseFeedback) -> String {
        var out = "  \(mark(exercise.passed)) \(exercise.id)  \(number(exercise.points))/\(number(exercise.maxPoints)) points"
            + at(exercise.line) + "\n"
        for message in exercise.messages { out += "      " + self.message(message) + "\n" }
        for check in exercise.checks { out += "      " + self.check(check).replacingOccurrences(of: "\n", with: "\n      ") + "\n" }
        return out
    }

    /// `✗ check 1  0/2 (line 24)` and its messages, one per line, indented.
    public static func check(_ check: CheckFeedback) -> String {
        var out = "\(mark(check.passed)) \(check.name)  \(number(check.points))/\(number(check.maxPoints))" + at(check.line)
        for message in check.messages { out += "\n    " + self.message(message) }
        return out
    }

    public static func message(_ message: FeedbackMessage) -> String {
        (message.line.map { "line \($0): " } ?? "") + message.text
    }

    static func mark(_ passed: Bool) -> String { passed ? "✓" : "✗" }
    static func at(_ line: Int?) -> String { line.map { " (line \($0))" } ?? "" }
    static func number(_ value: Double) -> String { CheckFormat.number(value) }
}
