import Foundation
import Testing
@testable import WorkbookEngine

/// The build folder this test bundle lives in: it also holds `libCourse.so`, its modules and
/// the `workbook` executable when the whole package was built (`swift build` / `swift test`).
func pipelineBuildFolder() -> String {
    var url = Bundle.module.bundleURL.deletingLastPathComponent()
    // The resource bundle sits beside the .xctest bundle in the build folder.
    while !url.path.hasSuffix("/debug") && !url.path.hasSuffix("/release") && url.path != "/" {
        url = url.deletingLastPathComponent()
    }
    return url.path
}

func pipelineToolchain() throws -> Toolchain {
    try Toolchain.at(courseDirectory: pipelineBuildFolder())
}

/// A fresh folder holding `files` (relative path → contents); removed by the caller.
func makeScratchFolder(_ files: [String: String]) throws -> String {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("wb-pipeline-\(UUID().uuidString)").path
    for (name, text) in files {
        let path = "\(folder)/\(name)"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

func readText(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

/// Chapters every pipeline and CLI test builds.
enum SampleChapters {
    static let passing = """
        # Sums

        We add $a_1 + a_2$ and get `{swift} total`.

        ```swift
        let parts = [1, 2, 3]
        let total = parts.reduce(0, +)
        ```

        ```swift
        print("total", total)
        ```

        """

    static let crashing = """
        # Crash

        ```swift
        print("before")
        let xs = [1]
        print(xs[5])
        ```

        ```swift
        print("never")
        ```

        """

    static let badAttribute = """
        # Bad

        ```swift fast
        print(1)
        ```

        """
}
