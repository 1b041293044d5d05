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
        try ExerciseSet.requireFiniteTotal(sets)
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

    /// A chapter file is kilobytes; a submission this large is not read into memory at all.
    static let maximumSubmissionBytes = 16 << 20

    static func gradeChapter(_ chapter: Chapter, _ set: ExerciseSet, studentFolder: String,
                             grader: ExerciseGrader) -> ChapterCheck {
        let name = URL(fileURLWithPath: chapter.path).lastPathComponent
        let candidates = ["\(studentFolder)/\(name)", "\(studentFolder)/Chapters/\(name)"]
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return zeroed(chapter, set, because: Finding(file: candidates[0], line: 0,
                                                         message: "missing from the submission"))
        }
        // Only the exercise blocks' code is read; prose, checks and other cells never matter.
        let student: StudentExercises
        do {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= maximumSubmissionBytes else {
                return zeroed(chapter, set, because: Finding(file: path, line: 0,
                                                             message: "larger than \(maximumSubmissionBytes >> 20) MiB: not read"))
            }
            guard let bytes = FileManager.default.contents(atPath: path) else {
                return zeroed(chapter, set, because: Finding(file: path, line: 0, message: "cannot read the file"))
            }
            student = try StudentExercises.read(path: path, bytes: Array(bytes))
        } catch let error as WorkbookError {
            // The finding's place names the file, so a message that starts with it drops it.
            let file = error.location?.file ?? path
            let message = error.message.hasPrefix(file + ": ") ? String(error.message.dropFirst(file.count + 2)) : error.message
            return zeroed(chapter, set, because: Finding(file: file, line: error.location?.line ?? 0, message: message))
        } catch {
            return zeroed(chapter, set, because: Finding(file: path, line: 0, message: "\(error)"))
        }
        do {
            let splice = try Splice.make(instructor: chapter, exercises: set, student: student)
            // Blocks left exactly as the instructor wrote them need no screening.
            let changed = Set(set.exercises.filter { exercise in
                student.blocks[exercise.id].map { $0.code != chapter.cells[exercise.exerciseCell].code } ?? false
            }.map(\.id))
            var check = grader.check(splice.chapter, exercises: set, start: .student, screened: changed)
                .check.relocated(splice.origin)
            for index in check.exercises.indices {
                check.exercises[index].flags = student.blocks[check.exercises[index].id].map { SubmissionFlags.flags(in: $0.code) } ?? []
            }
            return check
        } catch {
            // Splicing re-fences code, so this is the engine's failure, never the student's.
            var check = zeroed(chapter, set, because: Finding(file: path, line: 0, message: "could not grade"))
            check.couldNotGrade = (error as? ToolFailure)?.message ?? "\(error)"
            return check
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
    /// `passed` is `yes`, `no`, or `could not grade` (the engine failed; points left empty).
    /// `flags`: what in the exercise's code a human should look at (`SubmissionFlags`).
    public static let header = "student,chapter,exercise,points,max_points,passed,message,flags"

    public static func text(_ grades: [StudentGrade]) -> String {
        var rows = [header]
        for student in grades {
            for chapter in student.chapters {
                let name = URL(fileURLWithPath: chapter.path).lastPathComponent
                for exercise in chapter.exercises {
                    var message = exercise.findings.first.map { "\(CheckFormat.place($0)): \($0.message)" } ?? ""
                    var points = CheckFormat.number(exercise.points), passed = exercise.passed ? "yes" : "no"
                    if let cause = chapter.couldNotGrade {
                        (points, passed, message) = ("", "could not grade", cause)
                    }
                    rows.append([student.student, name, exercise.id, points, CheckFormat.number(exercise.maxPoints),
                                 passed, message, (exercise.flags ?? []).joined(separator: " ")]
                        .map(field).joined(separator: ","))
                }
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. A cell a
    /// spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return:
    /// a student's folder name, a message quoting their code) gets a leading ' and quotes.
    static func field(_ text: String) -> String {
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            return "\"'" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `could not grade STUDENT CHAPTER: cause`, one line each; empty when everything was graded.
    public static func couldNotGrade(_ grades: [StudentGrade]) -> [String] {
        grades.flatMap { student in
            student.chapters.compactMap { chapter in
                chapter.couldNotGrade.map { "could not grade \(student.student) \(URL(fileURLWithPath: chapter.path).lastPathComponent): \($0)" }
            }
        }
    }

    /// `alice   9/10 points`: one line per student, then the class average.
    public static func summary(_ grades: [StudentGrade]) -> String {
        let width = grades.map(\.student.count).max() ?? 0
        var out = ""
        for student in grades {
            let failed = student.chapters.filter { $0.couldNotGrade == nil }.flatMap(\.exercises).filter { !$0.passed }.map(\.id)
            let ungraded = student.chapters.filter { $0.couldNotGrade != nil }.map { URL(fileURLWithPath: $0.path).lastPathComponent }
            let graded = student.chapters.filter { $0.couldNotGrade == nil }
            let points = graded.reduce(0) { $0 + $1.points }, maxPoints = graded.reduce(0) { $0 + $1.maxPoints }
            out += student.student.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + (ungraded.isEmpty ? "" : "could not grade \(ungraded.joined(separator: ", "))")
                + (ungraded.isEmpty ? "" : graded.isEmpty ? "" : "; the rest: ")
                + (graded.isEmpty ? "" : "\(CheckFormat.number(points))/\(CheckFormat.number(maxPoints)) points")
                + (failed.isEmpty ? "" : "  (failed: \(failed.joined(separator: ", ")))") + "\n"
        }
        if !grades.isEmpty {
            let mean = grades.reduce(0) { $0 + $1.points } / Double(grades.count)
            out += "\(grades.count) student\(grades.count == 1 ? "" : "s"), mean \(String(format: "%.2f", mean)) points\n"
        }
        return out
    }
}
