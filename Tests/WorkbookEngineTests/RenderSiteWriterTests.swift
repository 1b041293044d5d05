import Foundation
import Testing
@testable import WorkbookEngine

@Suite struct RenderSiteWriterTests {
    private func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "render-site-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func allFiles(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    /// A stand-in for Debian's package: the same layout, tiny files, a symlinked font.
    private func fakeKaTeX() throws -> String {
        let folder = try temporaryFolder()
        let fonts = "\(folder)/real-fonts"
        try FileManager.default.createDirectory(atPath: fonts, withIntermediateDirectories: true)
        try "font-bytes".write(toFile: "\(fonts)/KaTeX_Main-Regular.woff2", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/fonts", withDestinationPath: "real-fonts")
        try "/* css */".write(toFile: "\(folder)/katex.min.css", atomically: false, encoding: .utf8)
        try "window.katex = {};".write(toFile: "\(folder)/katex.js", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/katex.min.js", withDestinationPath: "katex.js")
        return folder
    }

    @Test func writesPagesAndStylesheetCreatingTheFolderAndLeavingNoTempFiles() throws {
        let output = try temporaryFolder() + "/nested/Output"
        try SiteWriter.write(pages: ["index.html": "<p>i</p>", "01-a.html": "<p>a</p>"], to: output, katex: .cdn)
        #expect(allFiles(output) == ["01-a.html", "assets", "assets/serve.js", "assets/workbook.css", "assets/workbook.js", "index.html"])
        #expect(try String(contentsOfFile: "\(output)/01-a.html", encoding: .utf8) == "<p>a</p>")
        #expect(try String(contentsOfFile: "\(output)/assets/workbook.css", encoding: .utf8) == Stylesheet.css)
    }

    @Test func copiesKaTeXResolvingSymlinks() throws {
        let katex = try fakeKaTeX()
        let output = try temporaryFolder()
        try SiteWriter.write(pages: ["index.html": "x"], to: output, katex: .local, katexDirectory: katex)
        #expect(allFiles(output) == ["assets", "assets/katex", "assets/katex/fonts",
                                     "assets/katex/fonts/KaTeX_Main-Regular.woff2", "assets/katex/katex.min.css",
                                     "assets/katex/katex.min.js", "assets/serve.js", "assets/workbook.css", "assets/workbook.js",
                                     "index.html"])
        let script = "\(output)/assets/katex/katex.min.js"
        #expect(try String(contentsOfFile: script, encoding: .utf8) == "window.katex = {};")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: script)) == nil)
    }

    @Test func copiesDebianKaTeXWhenInstalled() throws {
        guard KaTeXSource.detect() == .local else { return }  // Covered by the fake above on machines without it.
        let output = try temporaryFolder()
        try SiteWriter.write(pages: [:], to: output, katex: .local)
        let fonts = try FileManager.default.contentsOfDirectory(atPath: "\(output)/assets/katex/fonts")
        #expect(fonts.contains("KaTeX_Main-Regular.woff2"))
        let original = try Data(contentsOf: URL(fileURLWithPath: "/usr/share/javascript/katex/katex.min.js")
            .resolvingSymlinksInPath())
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(output)/assets/katex/katex.min.js")) == original)
    }

    @Test func detectFallsBackToCDN() throws {
        #expect(KaTeXSource.detect(directory: try temporaryFolder()) == .cdn)
        #expect(KaTeXSource.detect(directory: try fakeKaTeX()) == .local)
    }

    @Test func leavesOtherFilesAloneAndReplacesPages() throws {
        let output = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(output)/.cache", withIntermediateDirectories: true)
        try "keep".write(toFile: "\(output)/.cache/entry", atomically: false, encoding: .utf8)
        try "old".write(toFile: "\(output)/index.html", atomically: false, encoding: .utf8)
        try SiteWriter.write(pages: ["index.html": "new"], to: output, katex: .cdn)
        #expect(try String(contentsOfFile: "\(output)/.cache/entry", encoding: .utf8) == "keep")
        #expect(try String(contentsOfFile: "\(output)/index.html", encoding: .utf8) == "new")
        #expect(!allFiles(output).contains { $0.contains(AtomicWrite.marker) })
    }

    @Test func rejectsPageNamesOutsideTheFolderBeforeWritingAnything() throws {
        let output = try temporaryFolder() + "/out"
        #expect(throws: WorkbookError.self) {
            try SiteWriter.write(pages: ["index.html": "x", "../evil.html": "x"], to: output, katex: .cdn)
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func failedWriteLeavesNoTempFileAndKeepsTheOldPage() throws {
        let output = try temporaryFolder()
        try "old".write(toFile: "\(output)/index.html", atomically: false, encoding: .utf8)
        // A folder where a page should go makes the rename fail after the temp file was written.
        try FileManager.default.createDirectory(atPath: "\(output)/b.html/inner", withIntermediateDirectories: true)
        // A page that cannot be written is the tool failing (exit 3), not bad input.
        #expect(throws: ToolFailure.self) {
            try SiteWriter.write(pages: ["b.html": "new"], to: output, katex: .cdn)
        }
        #expect(try String(contentsOfFile: "\(output)/index.html", encoding: .utf8) == "old")
        #expect(!allFiles(output).contains { $0.contains(AtomicWrite.marker) })
    }
}
