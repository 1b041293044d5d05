import Foundation

/// Who each submission folder belongs to, read from a CSV with a header row. Canvas's own
/// gradebook export works as it is: its columns `Student`, `ID`, `SIS User ID`,
/// `SIS Login ID`, `Section` are read (any order, any case) and its "Points Possible" row is
/// skipped. A folder is matched against the `Folder` column when there is one, else against
/// `SIS Login ID`, else `ID`.
public struct Roster: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var student: String
        public var id: String
        public var sisUserID: String
        public var sisLoginID: String
        public var section: String
        public var folder: String
    }

    public var entries: [Entry]

    public func entry(forFolder folder: String) -> Entry? { entries.first { $0.folder == folder } }

    public static func load(_ path: String) throws -> Roster {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbookError("\(path): cannot read the roster")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkbookError("the roster is not valid UTF-8", file: path, line: 1)
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> Roster {
        let rows = try CSVCell.parse(text, file: file)
        guard let header = rows.first else { throw WorkbookError("the roster is empty", file: file, line: 1) }
        let names = header.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let folderColumn = column("folder") ?? column("sis login id") ?? column("id") else {
            throw WorkbookError("the roster needs a Folder, SIS Login ID or ID column to match folders against",
                                file: file, line: header.line)
        }
        var entries: [Entry] = []
        var lineOfFolder: [String: Int] = [:]
        for row in rows.dropFirst() {
            func cell(_ name: String) -> String {
                guard let index = column(name), index < row.cells.count else { return "" }
                return row.cells[index].trimmingCharacters(in: .whitespaces)
            }
            if cell("student") == "Points Possible" { continue }
            let folder = folderColumn < row.cells.count ? row.cells[folderColumn].trimmingCharacters(in: .whitespaces) : ""
            guard !folder.isEmpty else {
                throw WorkbookError("\(header.cells[folderColumn]) is empty", file: file, line: row.line)
            }
            if let first = lineOfFolder[folder] {
                throw WorkbookError("'\(folder)' is listed twice (first on line \(first))", file: file, line: row.line)
            }
            lineOfFolder[folder] = row.line
            entries.append(Entry(student: cell("student"), id: cell("id"), sisUserID: cell("sis user id"),
                                 sisLoginID: cell("sis login id"), section: cell("section"), folder: folder))
        }
        return Roster(entries: entries)
    }
}

/// `--format canvas`: Canvas's gradebook import layout. The header
/// `Student,ID,SIS User ID,SIS Login ID,Section,ASSIGNMENT`, then a `Points Possible` row,
/// then one row per submission folder. A folder the roster does not know keeps its row (its
/// name as the student, no IDs), so Canvas's import flags it instead of the grade vanishing.
public enum CanvasCSV {
    public struct Output: Equatable, Sendable {
        public var text: String
        /// Folders with no roster entry, and roster students with no folder.
        public var unmatchedFolders: [String]
        public var missingStudents: [String]
    }

    public static func make(_ grades: [StudentGrade], roster: Roster?, assignment: String) -> Output {
        let possible = grades.map(\.maxPoints).max() ?? 0
        var rows = [CSVCell.row(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment]),
                    CSVCell.row(["Points Possible", "", "", "", "", CheckFormat.number(possible)])]
        var unmatched: [String] = []
        for grade in grades {
            // Not graded (the grader failed): blank, which Canvas's import leaves alone.
            let points = grade.chapters.allSatisfy { $0.couldNotGrade == nil } ? CheckFormat.number(grade.points) : ""
            if let entry = roster?.entry(forFolder: grade.student) {
                rows.append(CSVCell.row([entry.student, entry.id, entry.sisUserID, entry.sisLoginID, entry.section, points]))
            } else {
                if roster != nil { unmatched.append(grade.student) }
                rows.append(CSVCell.row([grade.student, "", "", roster == nil ? grade.student : "", "", points]))
            }
        }
        let folders = Set(grades.map(\.student))
        let missing = roster?.entries.filter { !folders.contains($0.folder) }.map(\.student) ?? []
        return Output(text: rows.joined(separator: "\n") + "\n", unmatchedFolders: unmatched, missingStudents: missing)
    }
}
