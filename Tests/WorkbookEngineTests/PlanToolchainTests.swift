import Foundation
import Testing
@testable import WorkbookEngine

@Suite("Plan: toolchain")
struct PlanToolchainTests {
    // No course library to compile against is the tool failing (exit 3), not bad input.
    @Test func aFolderWithoutACourseBuildIsAClearError() throws {
        let folder = NSTemporaryDirectory() + "/workbook-no-course-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: ToolFailure.self) { try Toolchain.at(courseDirectory: folder) }
        do {
            _ = try Toolchain.at(courseDirectory: folder)
        } catch let error as ToolFailure {
            #expect(error.description.contains("libCourse.so"))
            #expect(error.description.contains("WORKBOOK_COURSE_DIR"))
        }
    }

    @Test func fingerprintFollowsTheCourseBuild() throws {
        let real = try ExecuteFixtures.toolchainOrFail()
        let copy = NSTemporaryDirectory() + "/workbook-course-copy-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.createDirectory(atPath: copy + "/Modules", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: real.courseDirectory + "/libCourse.so", toPath: copy + "/libCourse.so")
        try FileManager.default.copyItem(atPath: real.courseDirectory + "/Modules/Course.swiftmodule",
                                         toPath: copy + "/Modules/Course.swiftmodule")
        let before = try Toolchain.at(courseDirectory: copy, swiftc: real.swiftc)
        #expect(before.fingerprint.count == 64)
        #expect(before.compilerVersion == real.compilerVersion)
        #expect(before.compilerVersion.contains("Swift version"))
        #expect(try Toolchain.at(courseDirectory: copy, swiftc: real.swiftc).fingerprint == before.fingerprint)
        let library = try FileHandle(forWritingTo: URL(fileURLWithPath: copy + "/libCourse.so"))
        try library.seekToEnd()
        try library.write(contentsOf: Data([0]))
        try library.close()
        #expect(try Toolchain.at(courseDirectory: copy, swiftc: real.swiftc).fingerprint != before.fingerprint)
    }
}
