import Foundation

/// What `workbook grade` writes. One file per format renders it (`WideCSV`, `GradesCSV`,
/// `CanvasCSV`, `GradescopeResults`, `PrairieLearnResults`, `GradeDocument`).
public enum GradeFormat: String, CaseIterable, Sendable {
    case csv
    case csvLong = "csv-long"
    case canvas
    case gradescope
    case prairielearn
    case json

    /// Gradescope and PrairieLearn grade one submission per container: SUBMISSIONS is then one
    /// student's folder, not a folder of them.
    public var isOneSubmission: Bool { self == .gradescope || self == .prairielearn }

    /// Whether `--feedback` pages are written by default (the JSON formats carry the feedback inside).
    public var writesFeedbackFolder: Bool { self == .csv || self == .csvLong || self == .canvas }

    public struct Rendered: Sendable {
        public var text: String
        /// Things the instructor must hear about (canvas: folders the roster does not know).
        public var warnings: [String]
    }

    public func render(_ document: GradeDocument, roster: Roster? = nil, assignment: String = "Workbook") throws -> Rendered {
        switch self {
        case .csv: return Rendered(text: WideCSV.text(document.grades), warnings: [])
        case .csvLong: return Rendered(text: GradesCSV.text(document.grades), warnings: [])
        case .canvas:
            let output = CanvasCSV.make(document.grades, roster: roster, assignment: assignment)
            return Rendered(text: output.text,
                            warnings: output.unmatchedFolders.map { "folder '\($0)' is not on the roster: its row has no Canvas IDs" }
                                + output.missingStudents.map { "roster student '\($0)' has no submission folder" })
        case .gradescope, .prairielearn:
            guard document.students.count == 1, let feedback = document.students.first?.feedback else {
                throw WorkbookError("--format \(rawValue) describes one submission, not \(document.students.count)")
            }
            return Rendered(text: try self == .gradescope ? GradescopeResults.json(feedback) : PrairieLearnResults.json(feedback),
                            warnings: [])
        case .json: return Rendered(text: try document.json(), warnings: [])
        }
    }
}

/// `FEEDBACK/NAME.txt` and `FEEDBACK/NAME.html` for every student of a document.
public enum FeedbackFiles {
    public static func write(_ document: GradeDocument, to folder: String) throws {
        for entry in document.students {
            let base = folder + "/" + entry.student
            try ReportFile.write(Array(FeedbackText.render(entry.feedback).utf8), to: base + ".txt")
            try ReportFile.write(Array(FeedbackHTML.render(entry.feedback).utf8), to: base + ".html")
        }
    }

    /// `grades.csv` → `grades-feedback`, beside it.
    public static func defaultFolder(for output: String) -> String {
        let url = URL(fileURLWithPath: output)
        let stem = url.deletingPathExtension().lastPathComponent
        let folder = (output as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "" : folder + "/") + stem + "-feedback"
    }
}
