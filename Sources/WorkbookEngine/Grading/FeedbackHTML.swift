/// A student's feedback as one self-contained HTML page (no scripts, no outside files): per
/// chapter, each exercise with the code that was graded, numbered with the student's own
/// lines, and ✓/✗ per check with its messages. Every piece of text is escaped.
public enum FeedbackHTML {
    public static func render(_ feedback: StudentFeedback) -> String {
        var body = "<h1>\(e(feedback.student)): \(n(feedback.points))/\(n(feedback.maxPoints)) points</h1>\n"
        for chapter in feedback.chapters {
            body += "<section>\n<h2>\(e(chapter.file ?? chapter.chapter))"
                + (chapter.file == nil ? " <small>(not handed in)</small>" : "")
                + (chapter.couldNotGrade == true ? " <small>(not graded)</small>" : "")
                + " <span class=\"score\">\(n(chapter.points))/\(n(chapter.maxPoints))</span></h2>\n"
            for exercise in chapter.exercises { body += self.exercise(exercise) }
            body += "</section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Feedback: \(e(feedback.student))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    static func exercise(_ exercise: ExerciseFeedback) -> String {
        var out = "<article class=\"\(exercise.passed ? "good" : "bad")\">\n<h3>\(mark(exercise.passed)) "
            + "\(e(exercise.id)) <span class=\"score\">\(n(exercise.points))/\(n(exercise.maxPoints))</span>"
            + (exercise.line.map { " <small>line \($0)</small>" } ?? "") + "</h3>\n"
        if let code = exercise.code, let fence = exercise.line {
            // Numbered with the lines of the student's own file: the code starts after the fence.
            let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
            let shown = lines.last == "" ? lines.dropLast() : lines[...]
            out += "<pre class=\"code\">" + shown.enumerated().map { offset, line in
                "<span class=\"ln\">\(fence + 1 + offset)</span>\(e(String(line)))"
            }.joined(separator: "\n") + "</pre>\n"
        }
        out += messages(exercise.messages)
        out += "<ul class=\"checks\">\n"
        for check in exercise.checks {
            out += "<li class=\"\(check.passed ? "good" : "bad")\">\(mark(check.passed)) \(e(check.name)) "
                + "<span class=\"score\">\(n(check.points))/\(n(check.maxPoints))</span>"
                + (check.line.map { " <small>line \($0)</small>" } ?? "") + messages(check.messages) + "</li>\n"
        }
        return out + "</ul>\n</article>\n"
    }

    static func messages(_ messages: [FeedbackMessage]) -> String {
        guard !messages.isEmpty else { return "" }
        return "<ul class=\"messages\">" + messages.map { "<li>\(e(FeedbackText.message($0)))</li>" }.joined() + "</ul>"
    }

    static func mark(_ passed: Bool) -> String {
        "<span class=\"mark\" aria-label=\"\(passed ? "passed" : "failed")\">\(passed ? "✓" : "✗")</span>"
    }

    static func e(_ text: String) -> String { HTML.escape(text) }
    static func n(_ value: Double) -> String { CheckFormat.number(value) }

    static let style = """
        body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}\
        h3{font-size:1.05rem;margin:1.2rem 0 .4rem}.score{font-weight:normal;color:#555}\
        .good .mark{color:#17803d}.bad .mark{color:#b3261e}small{color:#666;font-weight:normal}\
        pre.code{background:#f6f6f6;padding:.6rem;overflow-x:auto}.ln{display:inline-block;width:3em;color:#999;user-select:none}\
        ul.checks{list-style:none;padding-left:.5rem}ul.messages{margin:.2rem 0;font-family:ui-monospace,monospace;font-size:.9rem}
        """
}
