import Foundation
import Testing
@testable import WorkbookEngine
#if canImport(Glibc)
import Glibc
#endif

/// One test per way chapter code has tried to lie to the engine through its channel: forged and
/// out-of-order records, the glue's session, floods, raw HTML, dependency paths. Each failed
/// before the protocol existed (issue 9 measured every one on the old engine).
@Suite("Protocol: attacks by chapter code", .serialized)
struct ProtocolAttackTests: AttackSuite {
    // MARK: Forged records

    @Test func aForgedEndRecordLeavesLaterCellsNotRun() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Forged end

        ```swift
        print("first")
        ```

        ```swift
        import Glibc
        let record = Array("X 0 0\\n".utf8)
        _ = write(3, record, record.count)
        _exit(0)
        ```

        ```swift check
        expect(false, "never reached")
        ```

        """, in: course)
        #expect(result.status == .crashed)
        #expect(result.cells.map(\.status) == [.ok, .crashed, .notRun])
        #expect(result.cells[1].trapMessage?.contains("not a record") == true)
    }

    @Test func aWellFormedRecordWithoutTheKeyIsForged() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Forged, well formed

        ```swift
        import Glibc
        // The runtime has sent C (sequence 0); a forged end follows with a guessed tag.
        let record = Array("X 1 0 0 0123456789abcdef\\n".utf8)
        _ = write(3, record, record.count)
        _exit(0)
        ```

        ```swift
        print("later")
        ```

        """, in: course)
        #expect(result.cells.map(\.status) == [.crashed, .notRun])
        #expect(result.cells[0].trapMessage == "stopped: the program wrote a forged record to the engine channel (its tag does not match)")
    }

    @Test func cellsThatBeginOutOfPlanOrderStopTheChapter() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        // An exercise that opens a block the next answer closes: the check between never runs.
        let skipped = try run("""
        # Skips a check

        ```swift
        let never = false
        if never {
        ```

        ```swift check
        expect(false, "the check")
        ```

        ```swift
        }
        ```

        ```swift
        print("after")
        ```

        """, in: course)
        #expect(skipped.cells.map(\.status) == [.crashed, .notRun, .notRun, .notRun])
        #expect(skipped.cells[0].trapMessage == "stopped: a cell began out of order (cell 4, expected cell 2)")
        // And one that runs a check twice.
        let repeated = try run("""
        # Repeats a cell

        ```swift
        for _ in 0..<2 {
        ```

        ```swift
        print("twice")
        ```

        ```swift
        }
        ```

        """, in: course)
        #expect(repeated.status == .crashed)
        #expect(repeated.cells[2].trapMessage == "stopped: a cell began out of order (cell 2, expected no further cell)")
    }

    @Test func chapterCodeCannotGetTheGluesSession() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Public API forging

        ```swift
        import WorkbookRuntime
        let mine = ChapterSession.start()
        mine.end()
        ```

        ```swift
        print("later")
        ```

        """, in: course)
        #expect(result.cells.map(\.status) == [.crashed, .notRun])
        #expect(result.cells[0].trapMessage?.contains("ChapterSession.start() is for the generated program") == true)
    }

    // MARK: Flooding the channel

    @Test func aDisplayOverItsLimitEndsTheProgramWithAClearMessage() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Flood

        ```swift
        import WorkbookRuntime
        Notebook.display(text: "big", html: String(repeating: "x", count: 9 << 20))
        ```

        ```swift
        print("later")
        ```

        """, in: course)
        #expect(result.cells.map(\.status) == [.crashed, .notRun])
        #expect(result.cells[0].trapMessage?.contains("larger than the 8388608 bytes (8 MiB) one may have") == true)
        #expect(result.cells[0].displays.isEmpty)
    }

    @Test func aRawFloodIsRefusedFromItsHeader() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Raw flood

        ```swift
        import Glibc
        let header = Array("D 1 0 0 4294967296 0123456789abcdef\\n".utf8)
        _ = write(3, header, header.count)
        let chunk = [UInt8](repeating: 120, count: 1 << 20)
        for _ in 0..<64 { _ = write(3, chunk, chunk.count) }
        print("wrote")
        ```

        """, in: course)
        #expect(result.cells[0].status == .crashed)
        #expect(result.cells[0].trapMessage?.contains("display of 4294967296 bytes") == true)
    }

    @Test func aDependencyOutsideTheDataFolderIsNeverRead() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Dependencies

        ```swift
        import WorkbookRuntime
        Notebook.recordDependency(path: "/dev/zero")
        Notebook.recordDependency(path: "../\(URL(fileURLWithPath: course.root).lastPathComponent)/Chapters/other.md")
        Notebook.recordDependency(path: "Data/table.csv")
        ```

        """, in: course)
        #expect(result.status == .passed)
        let real = URL(fileURLWithPath: course.root).resolvingSymlinksInPath().path
        #expect(result.dependencies["/dev/zero"] == FileHash.missing)
        #expect(result.dependencies[real + "/Chapters/other.md"] == FileHash.missing)
        #expect(result.dependencies[real + "/Data/table.csv"] == FileHash.sha256(ofFile: real + "/Data/table.csv"))
        #expect(result.dependencies[real + "/Data/table.csv"] != FileHash.missing)
    }

    // MARK: Displays

    @Test func aRawScriptInADisplayNeverReachesThePage() throws {
        let course = try course()
        defer { try? FileManager.default.removeItem(atPath: course.root) }
        let result = try run("""
        # Script

        ```swift
        import WorkbookRuntime
        print("before")
        Notebook.display(text: "plot", html: "<script>alert(1)</script><svg onload=\\"alert(2)\\"><rect width=\\"1\\"/></svg>")
        print("after")
        ```

        """, in: course)
        #expect(result.status == .passed)
        #expect(result.cells[0].displays == [DisplayItem(text: "plot", html: "<svg><rect width=\"1\"></rect></svg>",
                                                         outputOffset: 7)])
        #expect(result.cells[0].stdout.text == "before\nafter\n")
    }
}
