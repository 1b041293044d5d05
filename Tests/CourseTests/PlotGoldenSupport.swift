import Foundation
import Testing

/// Golden files for plot output, kept in Tests/CourseTests/Golden/.
///
/// A test compares rendered output with the file byte for byte. To regenerate every golden
/// file after an intended change, run the suite with UPDATE_GOLDEN=1 and review the diff:
///
///     UPDATE_GOLDEN=1 swift test --filter PlotGolden
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with UPDATE_GOLDEN=1 to create it",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "differs from Golden/\(name) at line \(firstDifference(actual, expected))",
                sourceLocation: sourceLocation)
    }

    /// 1-based number of the first line where the two texts differ.
    static func firstDifference(_ a: String, _ b: String) -> Int {
        let (la, lb) = (a.split(separator: "\n", omittingEmptySubsequences: false),
                        b.split(separator: "\n", omittingEmptySubsequences: false))
        for i in 0..<max(la.count, lb.count) where i >= la.count || i >= lb.count || la[i] != lb[i] {
            return i + 1
        }
        return 0
    }
}
