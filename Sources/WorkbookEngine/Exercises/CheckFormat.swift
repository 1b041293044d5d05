import Foundation

/// How `workbook check` prints its verdicts.
public enum CheckFormat: String, CaseIterable, Sendable {
    case text, json, github

    /// Throws a `ToolFailure` when the JSON cannot be encoded: never a blank `{}` that passes.
    public func render(_ summary: CheckSession.Summary) throws -> String {
        switch self {
        case .text: return CheckFormat.text(summary)
        case .json: return try CheckFormat.json(summary)
        case .github: return CheckFormat.github(summary)
        }
    }

    /// `✓ warm-up  2/2 points` per exercise, failures indented under it, then a total.
    static func text(_ summary: CheckSession.Summary) -> String {
        var out = ""
        for chapter in summary.chapters {
            out += "\(chapter.path)\n"
            for exercise in chapter.exercises {
                out += "  \(exercise.passed ? "✓" : "✗") \(exercise.id)  \(number(exercise.points))/\(number(exercise.maxPoints)) points"
                switch exercise.replacement {
                case .reference?: out += " (replaced by the reference solution to grade the rest)"
                case .omitted?: out += " (left out so the rest could run)"
                default: break
                }
                out += "\n"
                for finding in exercise.findings { out += "      \(place(finding)): \(finding.message)\n" }
            }
            for finding in chapter.problems { out += "  ✗ \(place(finding)): \(finding.message)\n" }
        }
        for change in summary.updated { out += "updated \(change.path):\(change.line)\n" }
        let exercises = summary.chapters.flatMap(\.exercises)
        let points = exercises.reduce(0) { $0 + $1.points }, total = exercises.reduce(0) { $0 + $1.maxPoints }
        let failedChapters = summary.chapters.filter { !$0.passed }.count
        out += "\(exercises.filter(\.passed).count) of \(exercises.count) exercises passed, "
            + "\(number(points))/\(number(total)) points; "
            + (failedChapters == 0 ? "all checks passed\n" : "\(failedChapters) chapter\(failedChapters == 1 ? "" : "s") failed\n")
        return out
    }

    /// `✓ Chapters/04-kmeans.md — 1 of 4 exercises, 2/10 points`: a chapter's verdict on one line.
    public static func chapterLine(_ chapter: ChapterCheck) -> String {
        let passed = chapter.exercises.filter(\.passed).count
        var line = "\(chapter.passed ? "✓" : "✗") \(chapter.path)"
        if !chapter.exercises.isEmpty {
            line += " — \(passed) of \(chapter.exercises.count) exercise\(chapter.exercises.count == 1 ? "" : "s"), "
                + "\(number(chapter.points))/\(number(chapter.maxPoints)) points"
        }
        if !chapter.problems.isEmpty { line += " · \(chapter.problems.count) other problem\(chapter.problems.count == 1 ? "" : "s")" }
        return line
    }

    /// One JSON document: `{"passed":…, "points":…, "chapters":[…]}`, keys sorted.
    static func json(_ summary: CheckSession.Summary) throws -> String {
        struct Document: Encodable {
            var passed: Bool
            var points: Double
            var maxPoints: Double
            var chapters: [ChapterCheck]
            var updated: [String]
        }
        let exercises = summary.chapters.flatMap(\.exercises)
        let document = Document(passed: summary.passed, points: exercises.reduce(0) { $0 + $1.points },
                                maxPoints: exercises.reduce(0) { $0 + $1.maxPoints }, chapters: summary.chapters,
                                updated: summary.updated.map { "\($0.path):\($0.line)" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(document) } catch { throw ToolFailure("cannot write the JSON report: \(error)") }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// GitHub Actions workflow commands: one `::error file=…,line=…::message` per failure.
    static func github(_ summary: CheckSession.Summary) -> String {
        var out = ""
        for chapter in summary.chapters {
            for exercise in chapter.exercises where !exercise.passed {
                let findings = exercise.findings.isEmpty
                    ? [Finding(file: exercise.file, line: exercise.line, message: "failed")] : exercise.findings
                for finding in findings {
                    out += annotation(finding, title: "exercise \(exercise.id)")
                }
            }
            for finding in chapter.problems { out += annotation(finding, title: nil) }
        }
        return out + text(summary).split(separator: "\n").last.map { "\($0)\n" }!
    }

    static func annotation(_ finding: Finding, title: String?) -> String {
        var properties = "file=\(escapeProperty(finding.file))"
        if finding.line > 0 { properties += ",line=\(finding.line)" }
        if let title { properties += ",title=\(escapeProperty(title))" }
        return "::error \(properties)::\(escapeData(finding.message))\n"
    }

    /// GitHub's escaping for a command's message and its properties.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    static func place(_ finding: Finding) -> String {
        finding.line > 0 ? "\(finding.file):\(finding.line)" : finding.file
    }

    /// `2`, `0.5`: points without a needless `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// JUnit XML in the layout CI servers read (Jenkins' "junit-10" schema; a copy is in
/// Tests/WorkbookEngineTests/Fixtures/junit/): a test suite per chapter with its `timestamp`,
/// `time` and `properties` (points per exercise), a test case per exercise (and one for the
/// chapter's other expected outputs) with its `time`. A crash, time-out or compile error is an
/// `error`; an expectation or output that did not hold is a `failure`.
public enum JUnitReport {
    public static func xml(_ summary: CheckSession.Summary) -> String {
        var suites = ""
        var totalTests = 0, totalFailures = 0, totalErrors = 0, totalSeconds = 0.0
        for chapter in summary.chapters {
            var cases = ""
            var tests = 0, failures = 0, errors = 0
            var properties = [("points", CheckFormat.number(chapter.points)),
                              ("maxPoints", CheckFormat.number(chapter.maxPoints))]
            for exercise in chapter.exercises {
                tests += 1
                properties.append(("points.\(exercise.id)",
                                   "\(CheckFormat.number(exercise.points))/\(CheckFormat.number(exercise.maxPoints))"))
                cases += "    <testcase classname=\"\(escape(chapter.path))\" name=\"\(escape(exercise.id))\" "
                    + "time=\"\(seconds(exercise.seconds ?? 0))\">\n"
                if !exercise.passed {
                    let element = exercise.stopped == true ? "error" : "failure"
                    if element == "error" { errors += 1 } else { failures += 1 }
                    let message = exercise.findings.first?.message ?? "failed"
                    let body = exercise.findings.map { "\(CheckFormat.place($0)): \($0.message)" }.joined(separator: "\n")
                    cases += "      <\(element) message=\"\(escape(message))\" type=\"exercise\">\(escape(body))</\(element)>\n"
                }
                cases += "    </testcase>\n"
            }
            tests += 1
            cases += "    <testcase classname=\"\(escape(chapter.path))\" name=\"chapter\" time=\"0.000\">\n"
            if !chapter.problems.isEmpty {
                let element = chapter.stopped == true ? "error" : "failure"
                if element == "error" { errors += 1 } else { failures += 1 }
                let body = chapter.problems.map { "\(CheckFormat.place($0)): \($0.message)" }.joined(separator: "\n")
                cases += "      <\(element) message=\"\(escape(chapter.problems[0].message))\" type=\"chapter\">\(escape(body))</\(element)>\n"
            }
            cases += "    </testcase>\n"
            let time = chapter.seconds ?? 0
            var attributes = "name=\"\(escape(chapter.path))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" "
                + "time=\"\(seconds(time))\""
            if let started = chapter.started { attributes += " timestamp=\"\(escape(started))\"" }
            suites += "  <testsuite \(attributes)>\n"
                + "    <properties>\n"
                + properties.map { "      <property name=\"\(escape($0.0))\" value=\"\(escape($0.1))\"/>\n" }.joined()
                + "    </properties>\n"
                + cases + "  </testsuite>\n"
            totalTests += tests
            totalFailures += failures
            totalErrors += errors
            totalSeconds += time
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"workbook check\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" "
            + "errors=\"\(totalErrors)\" time=\"\(seconds(totalSeconds))\">\n"
            + suites + "</testsuites>\n"
    }

    /// Seconds with millisecond precision, as JUnit readers expect (`1.250`).
    static func seconds(_ value: Double) -> String {
        String(format: "%.3f", max(0, value.isFinite ? value : 0))
    }

    /// XML text and attribute escaping; control characters XML 1.0 forbids become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
