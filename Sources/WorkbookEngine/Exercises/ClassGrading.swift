import Foundation

/// One student's grade: every instructor chapter, graded with the student's exercise code.
public struct StudentGrade: Codable, Equatable, Sendable {
    public var student: String
    public var chapters: [ChapterCheck]

    public var points: Double { chapters.reduce(0) { $0 + $1.points } }
    public var maxPoints: Double { chapters.reduce(0) { $0 + $1.maxPoints } }
}

/// `workbook grade`: each sub-folder of the submissions folder is one student's copy of the
/// chapters (directly in it, or in its `Chapters/`). Students are graded in parallel; each
/// chapter run is its own compiler and program processes, with the time limit of `options`, so
/// one student's crash, endless loop or broken file never touches another's grade.
public enum ClassGrading {
    public static func grade(submissions: String, course: [String], toolchain: Toolchain,
                             options: RunOptions) throws -> [StudentGrade] {
        let chapters = try Workbook.loadChapters(course)
        let sets = try chapters.map(ExerciseSet.init)
        let students = try studentFolders(in: submissions)
        let grader = ExerciseGrader(toolchain: toolchain, options: options)
        return boundedParallelMap(students, limit: max(1, options.jobs)) { folder in
            StudentGrade(student: URL(fileURLWithPath: folder).lastPathComponent,
                         chapters: zip(chapters, sets).map { chapter, set in
                             gradeChapter(chapter, set, studentFolder: folder, grader: grader)
                         })
        }
    }

    static func studentFolders(in submissions: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: submissions, isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkbookError("\(submissions): no such folder of submissions")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: submissions).filter { !$0.hasPrefix(".") }.sorted()
        return names.map { submissions + "/" + $0 }.filter { path in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
        }
    }

    static func gradeChapter(_ chapter: Chapter, _ set: ExerciseSet, studentFolder: String,
                             grader: ExerciseGrader) -> ChapterCheck {
        let name = URL(fileURLWithPath: chapter.path).lastPathComponent
        let candidates = ["\(studentFolder)/\(name)", "\(studentFolder)/Chapters/\(name)"]
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return zeroed(chapter, set, because: Finding(file: candidates[0], line: 0,
                                                         message: "missing from the submission"))
        }
        do {
            let student = try Workbook.loadChapter(path)
            let splice = try Splice.make(instructor: chapter, exercises: set, student: student)
            let outcome = grader.check(splice.chapter, exercises: set, start: .student)
            return outcome.check.relocated(splice.origin)
        } catch let error as WorkbookError {
            // The finding's place names the file, so a message that starts with it drops it.
            let file = error.location?.file ?? path
            let message = error.message.hasPrefix(file + ": ") ? String(error.message.dropFirst(file.count + 2)) : error.message
            return zeroed(chapter, set, because: Finding(file: file, line: error.location?.line ?? 0, message: message))
        } catch {
            return zeroed(chapter, set, because: Finding(file: path, line: 0, message: "\(error)"))
        }
    }

    /// Every exercise of the chapter failed for one reason that is not any exercise's own.
    static func zeroed(_ chapter: Chapter, _ set: ExerciseSet, because finding: Finding) -> ChapterCheck {
        let exercises = set.exercises.map { exercise in
            ExerciseGrade(id: exercise.id, file: finding.file, line: finding.line, passed: false, points: 0,
                          maxPoints: exercise.maxPoints, answer: .student, replacement: nil,
                          checks: exercise.checkCells.map {
                              CheckGrade(line: chapter.cells[$0].fenceLine, hidden: chapter.cells[$0].attributes.hidden,
                                         passed: false, points: 0, maxPoints: ExerciseSet.points(of: chapter.cells[$0]))
                          },
                          findings: [finding])
        }
        return ChapterCheck(path: chapter.path, exercises: exercises, problems: [], runs: 0)
    }
}

/// The grades file: one row per student and exercise.
public enum GradesCSV {
    public static let header = "student,chapter,exercise,points,max_points,passed,message"

    public static func text(_ grades: [StudentGrade]) -> String {
        var rows = [header]
        for student in grades {
            for chapter in student.chapters {
                let name = URL(fileURLWithPath: chapter.path).lastPathComponent
                for exercise in chapter.exercises {
                    let message = exercise.findings.first.map { "\(CheckFormat.place($0)): \($0.message)" } ?? ""
                    rows.append([student.student, name, exercise.id, CheckFormat.number(exercise.points),
                                 CheckFormat.number(exercise.maxPoints), exercise.passed ? "yes" : "no", message]
                        .map(field).joined(separator: ","))
                }
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `alice   9/10 points`: one line per student, then the class average.
    public static func summary(_ grades: [StudentGrade]) -> String {
        let width = grades.map(\.student.count).max() ?? 0
        var out = ""
        for student in grades {
            let failed = student.chapters.flatMap(\.exercises).filter { !$0.passed }.map(\.id)
            out += student.student.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + "\(CheckFormat.number(student.points))/\(CheckFormat.number(student.maxPoints)) points"
                + (failed.isEmpty ? "" : "  (failed: \(failed.joined(separator: ", ")))") + "\n"
        }
        if !grades.isEmpty {
            let mean = grades.reduce(0) { $0 + $1.points } / Double(grades.count)
            out += "\(grades.count) student\(grades.count == 1 ? "" : "s"), mean \(String(format: "%.2f", mean)) points\n"
        }
        return out
    }
}
