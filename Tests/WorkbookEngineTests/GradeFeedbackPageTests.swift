import Foundation
import Testing
@testable import WorkbookEngine

/// Each student's feedback as the book's own pages of their graded chapters: their code, its
/// output, ✓/✗ per check, hidden checks named but never their code, output or expected values.
@Suite(.serialized) struct GradeFeedbackPageTests {
    /// Every regular file under `folder`, relative path → bytes.
    static func tree(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    /// What only the instructor's copy holds: the hidden check's code and expected value
    /// (`expectEqual(mean([5, 7]), 6)`), the solutions' code, the instructor's folder.
    static let secrets = ["[5, 7]", "5, 7", "expectEqual(mean", "expected 6", "xs.reduce(0, +) / Double(xs.count)",
                          "xs.map { $0 * k }"]

    @Test func everyStudentGetsTheirGradedChaptersAsPagesWithNothingHiddenInThem() throws {
        let scratch = try GradeScaleTests.scratchClass()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let graded = try ExerciseFixtures.workbook(["grade", "Submissions", "--format", "json", "-o", "all.json",
                                                    "--feedback", "one", "--jobs", "2"], in: scratch)
        #expect(graded.status == 0, "\(graded.stderr)")
        let merged = try ExerciseFixtures.workbook(["grade", "merge", "all.json", "--format", "csv", "-o", "m.csv",
                                                    "--feedback", "two"], in: scratch)
        #expect(merged.status == 0, "\(merged.stderr)")

        let one = Self.tree(scratch + "/one"), two = Self.tree(scratch + "/two")
        // The same bytes whether written by the grading run or from its json by a merge.
        #expect(one.keys.sorted() == two.keys.sorted())
        #expect(one == two)
        for name in ["@eve", "alice", "bob", "dave", "erin"] {
            #expect(one["\(name)/01-sums.html"] != nil, "no page for \(name)")
            #expect(one["\(name)/index.html"] != nil)
            #expect(one["\(name)/assets/workbook.css"] != nil)
        }
        // Nothing only the instructor holds, anywhere in the tree (or in the json's feedback).
        let document = try GradeDocument.read(scratch + "/all.json")
        var texts = one.map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
        for entry in document.students {
            texts.append(("json feedback of \(entry.student)", String(decoding: try JSONEncoder().encode(entry.feedback), as: UTF8.self)))
        }
        for (file, text) in texts {
            for secret in Self.secrets + [scratch] {
                #expect(!text.contains(secret), "\(file) holds \(secret)")
            }
        }

        let erin = String(decoding: try #require(one["erin/01-sums.html"]), as: UTF8.self)
        // Her own code, the chapter's prose and output, ✓ and ✗ per check.
        #expect(erin.contains("Sums and scales"))
        #expect(erin.contains("TODO: the sum of xs over its count"))
        #expect(erin.contains("<span class=\"symbol\" aria-hidden=\"true\">✓</span> check passed"))
        #expect(erin.contains("<span class=\"symbol\" aria-hidden=\"true\">✗</span> check failed"))
        // Her failed visible check, at her own line (the instructor's is 25).
        #expect(erin.contains("line 20: "))
        // The hidden check: named, scored, failed, and nothing more.
        #expect(erin.contains("Check mean (hidden) · 1 point"))
        #expect(erin.contains(HTML.escape(StudentFeedback.withheld)))
        #expect(!erin.contains("of 2 expectations"))
        #expect(erin.contains("total 6.0"))

        // bob's trapping answer was replaced: his page says why and fails its checks.
        let bob = String(decoding: try #require(one["bob/01-sums.html"]), as: UTF8.self)
        #expect(bob.contains("Index out of range"))
        #expect(bob.contains(HTML.escape(FeedbackPage.replacedCheck)))
        // dave's compile error at his own line 29.
        let dave = String(decoding: try #require(one["dave/01-sums.html"]), as: UTF8.self)
        #expect(dave.contains("29:"))
        #expect(dave.contains("cannot convert return expression"))

        // The summary page links to the chapter pages.
        let summary = String(decoding: try #require(one["erin.html"]), as: UTF8.self)
        #expect(summary.contains("<a href=\"erin/01-sums.html\">"))
    }

    @Test func aHiddenCheckThatPrintsAndCrashesShowsNothingOfIt() throws {
        // A hidden check that prints its input and the student's answer, and a student whose
        // code prints what it is called with: neither appears in the hidden check's cell.
        let chapter = """
            # Leaky

            ```swift exercise id=twice
            func twice(_ x: Int) -> Int { x }
            ```

            ```swift solution id=twice
            func twice(_ x: Int) -> Int { 2 * x }
            ```

            ```swift check id=twice
            expectEqual(twice(2), 4)
            ```

            ```swift check id=twice hidden
            print("SECRET-INPUT 31337")
            expectEqual(twice(31337), 62674)
            ```

            """
        let student = """
            # Leaky

            ```swift exercise id=twice
            func twice(_ x: Int) -> Int { print("called with", x); return x + x }
            ```

            """
        let scratch = try makeScratchFolder(["Chapters/01-leaky.md": chapter, "Submissions/sam/01-leaky.md": student])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let graded = try ExerciseFixtures.workbook(["grade", "Submissions", "-o", "grades.csv"], in: scratch)
        #expect(graded.status == 0, "\(graded.stderr)")
        let page = try #require(readText(scratch + "/grades-feedback/sam/01-leaky.html"))
        for secret in ["SECRET-INPUT", "31337", "62674", "2 * x"] {
            #expect(!page.contains(secret), "the page holds \(secret)")
        }
        #expect(page.contains("called with 2"))
        #expect(page.contains("Check twice (hidden)"))
        #expect(page.contains("✓</span> check passed"))
    }
}
