import Foundation

/// `--format csv`: one row per student, the wide form a spreadsheet wants:
/// `student,total,max_points,01-sums.md:mean,01-sums.md:scale,…` (an exercise's column
/// holds its points). A chapter the grader could not grade leaves its exercises' cells and
/// the total empty: a blank, not a 0 the student did not earn. (`--format csv-long` is
/// `GradesCSV`.)
public enum WideCSV {
    public static func text(_ grades: [StudentGrade]) -> String {
        var columns: [String] = []
        var seen = Set<String>()
        for student in grades {
            for (key, _) in exercisePoints(student) where seen.insert(key).inserted { columns.append(key) }
        }
        var rows = [CSVCell.row(["student", "total", "max_points"] + columns)]
        for student in grades {
            let points = Dictionary(exercisePoints(student), uniquingKeysWith: { first, _ in first })
                .compactMapValues { $0 }
            let complete = student.chapters.allSatisfy { $0.couldNotGrade == nil }
            rows.append(CSVCell.row([student.student, complete ? CheckFormat.number(student.points) : "",
                                     CheckFormat.number(student.maxPoints)]
                + columns.map { points[$0].map(CheckFormat.number) ?? "" }))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static func exercisePoints(_ student: StudentGrade) -> [(String, Double?)] {
        student.chapters.flatMap { chapter in
            chapter.exercises.map {
                (URL(fileURLWithPath: chapter.path).lastPathComponent + ":" + $0.id,
                 chapter.couldNotGrade == nil ? $0.points : nil)
            }
        }
    }
}
