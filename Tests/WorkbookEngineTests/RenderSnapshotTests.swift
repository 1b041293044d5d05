import Foundation
import Testing
@testable import WorkbookEngine

/// Whole pages of the fixture site, byte for byte, against files committed under
/// `Fixtures/snapshots/`. A change to the theme shows up here as a diff to read, not as a
/// silent change to every page. After an intended change, rewrite them and review the diff:
///   WORKBOOK_UPDATE_SNAPSHOTS=1 swift test --filter RenderSnapshotTests
@Suite struct RenderSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/snapshots")

    @Test(arguments: ["index.html", "01-intro.html", "03-backprop.html", "04-kmeans.html"])
    func pageMatchesSnapshot(_ name: String) throws {
        let pages = RenderFixtures.sitePages(ReportRenderer(options: RunOptions(), katex: .local))
        try Self.compare(pages[name]!, to: name)
    }

    static func compare(_ actual: String, to name: String) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["WORKBOOK_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            // Point at the first differing line so the failure reads like a diff.
            let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
            let line = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
            Issue.record("""
                \(name) differs from its snapshot at line \(line + 1):
                  expected: \(line < e.count ? e[line] : "<end of file>")
                  actual:   \(line < a.count ? a[line] : "<end of file>")
                """)
        }
    }
}
