import Foundation
import Testing
@testable import WorkbookEngine

/// A build of some chapters keeps the rest of the site.
@Suite(.serialized) struct PipelineSiteTests {
    @Test func buildingOneChapterKeepsTheRestOfTheSite() throws {
        let toolchain = try pipelineToolchain()
        let folder = try makeScratchFolder(["Chapters/01-a.md": "# Alpha\n\nfirst words\n",
                                            "Chapters/02-b.md": "# Beta\n\nsecond words\n",
                                            "Chapters/03-c.md": "# Gamma\n\nthird words\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = "\(folder)/Output"
        _ = try Workbook.build(paths: ["\(folder)/Chapters"], outputDirectory: output, options: RunOptions(), toolchain: toolchain)
        try Data("# Beta, revised\n\nnew words\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/Chapters/02-b.md"))
        _ = try Workbook.build(paths: ["\(folder)/Chapters/02-b.md"], outputDirectory: output, options: RunOptions(), toolchain: toolchain)

        let index = try #require(readText("\(output)/index.html"))
        for (page, title) in [("01-a.html", "Alpha"), ("02-b.html", "Beta, revised"), ("03-c.html", "Gamma")] {
            #expect(index.contains("<a href=\"\(page)\">\(title)</a>"))
        }
        let beta = try #require(readText("\(output)/02-b.html"))
        #expect(beta.contains("<h1 id=\"beta-revised\">"))
        #expect(beta.contains("rel=\"prev\" href=\"01-a.html\""))
        #expect(beta.contains("rel=\"next\" href=\"03-c.html\""))
        let search = try #require(readText("\(output)/assets/search-index.js"))
        #expect(search.contains("\"third\"") && search.contains("\"new\"") && !search.contains("\"second\""))
    }

    @Test func oddChapterNamesGetWorkingLinks() throws {
        let toolchain = try pipelineToolchain()
        let folder = try makeScratchFolder(["Chapters/C#50%.md": "# Odd\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Workbook.build(paths: ["\(folder)/Chapters"], outputDirectory: "\(folder)/Output",
                               options: RunOptions(), toolchain: toolchain)
        let index = try #require(readText("\(folder)/Output/index.html"))
        #expect(index.contains("href=\"C%2350%25.html\""))
        // The link, decoded as a browser does, names the file that was written.
        #expect(FileManager.default.fileExists(atPath: "\(folder)/Output/" + "C%2350%25.html".removingPercentEncoding!))
    }
}
