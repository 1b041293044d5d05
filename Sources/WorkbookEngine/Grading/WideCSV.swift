import Foundation

/// `--format csv`: one row per student, the wide form a spreadsheet wants:
/// `student,total,max_points,01-sums.md:mean,01-sums.md:scale,…` (an exercise's column
/// holds its points).
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
            rows.append(CSVCell.row([student.student, CheckFormat.number(student.points),
                                     CheckFormat.number(student.maxPoints)]
                + columns.map { points[$0].map(CheckFormat.number) ?? "" }))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static func exercisePoints(_ student: StudentGrade) -> [(String, Double)] {
        student.chapters.flatMap { chapter in
            chapter.exercises.map { (URL(fileURLWithPath: chapter.path).lastPathComponent + ":" + $0.id, $0.points) }
        }
    }
}

/// `--format csv-long`: one row per student and exercise (the form `grade` has always written):
/// `student,chapter,exercise,points,max_points,passed,message`, the message being the first
/// finding, for the instructor (it may name hidden checks' lines).
public enum LongCSV {
    public static let header = "student,chapter,exercise,points,max_points,passed,message"

    public static func text(_ grades: [StudentGrade]) -> String {
        var rows = [header]
        for student in grades {
            for chapter in student.chapters {
                let name = URL(fileURLWithPath: chapter.path).lastPathComponent
                for exercise in chapter.exercises {
                    let message = exercise.findings.first.map { "\(CheckFormat.place($0)): \($0.message)" } ?? ""
                    rows.append(CSVCell.row([student.student, name, exercise.id, CheckFormat.number(exercise.points),
                                             CheckFormat.number(exercise.maxPoints), exercise.passed ? "yes" : "no",
                                             message]))
                }
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
