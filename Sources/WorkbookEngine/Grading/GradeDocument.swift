import Foundation

/// `--format json`: every student's grade (the instructor's view, every finding) and feedback
/// (the student's view), with the roster the class was cut from. Shards write this, and
/// `grade merge` reads it back; its schema is `Tests/Schemas/workbook-grades.schema.json`.
public struct GradeDocument: Codable, Equatable, Sendable {
    public var format = GradeDocument.formatName
    public var version = 1
    /// Every student folder of the submissions folder, sorted, whichever of them were graded.
    public var roster: [String]
    /// Which part of the roster this file holds; nil when it holds all of it.
    public var shard: Shard?
    public var students: [Entry]

    public static let formatName = "workbook-grades"

    public struct Entry: Codable, Equatable, Sendable {
        public var student: String
        public var points: Double
        public var maxPoints: Double
        public var grade: StudentGrade
        public var feedback: StudentFeedback

        public init(grade: StudentGrade, feedback: StudentFeedback) {
            student = grade.student
            points = grade.points
            maxPoints = grade.maxPoints
            self.grade = grade
            self.feedback = feedback
        }
    }

    public init(roster: [String], shard: Shard?, students: [Entry]) {
        self.roster = roster
        self.shard = shard
        self.students = students
    }

    public var grades: [StudentGrade] { students.map(\.grade) }

    public func json() throws -> String { try GradeJSON.encode(self) }

    public static func read(_ path: String) throws -> GradeDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbookError("\(path): cannot read the file")
        }
        let document: GradeDocument
        do {
            document = try JSONDecoder().decode(GradeDocument.self, from: data)
        } catch {
            throw WorkbookError("not a grades file written by `workbook grade --format json` (\(Self.reason(error)))",
                                file: path, line: 1)
        }
        guard document.format == formatName, document.version == 1 else {
            throw WorkbookError("not a version-1 workbook grades file", file: path, line: 1)
        }
        return document
    }

    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : path + ": ") + context.debugDescription
        default: return "\(error)"
        }
    }
}

/// `--shard I/N`: shard I of N holds the students at sorted positions p with p mod N = I − 1.
/// Sorted-name modulo rather than a hash: every shard gets ⌊S/N⌋ or ⌈S/N⌉ students, and the
/// split depends only on the roster, so every machine cuts the class the same way.
public struct Shard: Codable, Equatable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
              (1...count).contains(index) else {
            throw WorkbookError("--shard must be I/N with 1 ≤ I ≤ N (for example 2/4), not '\(text)'")
        }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    public func select(_ roster: [String]) -> [String] {
        roster.sorted().enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}

/// `workbook grade merge`: shard parts back into one class, refusing anything but an exact
/// partition of one roster.
public enum ShardMerge {
    public static func merge(_ parts: [(path: String, document: GradeDocument)]) throws -> GradeDocument {
        guard let first = parts.first else { throw WorkbookError("no parts to merge") }
        var owner: [String: String] = [:]
        var shardOwner: [Int: String] = [:]
        var entries: [GradeDocument.Entry] = []
        for (path, document) in parts {
            guard document.roster == first.document.roster else {
                throw WorkbookError("\(path): cut from a different roster than \(first.path) "
                    + "(\(document.roster.count) against \(first.document.roster.count) students)")
            }
            if let shard = document.shard {
                guard shard.count == first.document.shard?.count else {
                    throw WorkbookError("\(path): shard \(shard) does not belong with \(first.path)'s "
                        + (first.document.shard.map { "shard \($0)" } ?? "whole class"))
                }
                if let other = shardOwner[shard.index] {
                    throw WorkbookError("\(path): shard \(shard) was already given by \(other)")
                }
                shardOwner[shard.index] = path
            } else if parts.count > 1 {
                throw WorkbookError("\(path): holds the whole class, not a shard; merge shard parts only")
            }
            let known = Set(document.roster)
            for entry in document.students {
                guard known.contains(entry.student) else {
                    throw WorkbookError("\(path): student '\(entry.student)' is not on the roster it records")
                }
                if let other = owner[entry.student] {
                    throw WorkbookError("\(path): student '\(entry.student)' is graded twice (also in \(other))")
                }
                owner[entry.student] = path
                entries.append(entry)
            }
        }
        let missing = first.document.roster.filter { owner[$0] == nil }
        if !missing.isEmpty {
            let count = first.document.shard?.count ?? 1
            let absent = (1...count).filter { shardOwner[$0] == nil }.map { "\($0)/\(count)" }
            throw WorkbookError("\(missing.count) student\(missing.count == 1 ? " is" : "s are") missing: "
                + missing.prefix(10).joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
                + (absent.isEmpty ? "" : " (no part for shard \(absent.joined(separator: ", ")))"))
        }
        let order = Dictionary(uniqueKeysWithValues: first.document.roster.enumerated().map { ($1, $0) })
        return GradeDocument(roster: first.document.roster, shard: nil,
                             students: entries.sorted { order[$0.student]! < order[$1.student]! })
    }
}
