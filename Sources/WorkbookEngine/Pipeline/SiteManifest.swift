import Foundation

/// What the last builds into an output folder knew about each chapter (its summary and search
/// entries), kept in `.cache/site.json`. A build of one chapter (`workbook build
/// Chapters/02-rnn.md`) rewrites that chapter's page but keeps the rest of the site: the index,
/// the sidebar, previous/next and search still cover every chapter built before.
struct SiteManifest: Codable {
    struct Entry: Codable {
        var path: String
        var summary: ChapterSummary
        var search: [SearchIndex.Entry]
    }

    var entries: [Entry] = []

    static func path(in outputDirectory: String) -> String { Workbook.cacheDirectory(in: outputDirectory) + "/site.json" }

    /// The manifest on disk; empty when there is none or it cannot be read (it only saves work).
    static func load(from outputDirectory: String) -> SiteManifest {
        guard let data = FileManager.default.contents(atPath: path(in: outputDirectory)),
              let manifest = try? JSONDecoder().decode(SiteManifest.self, from: data) else { return SiteManifest() }
        return manifest
    }

    /// `built` in place of older entries for the same file or page; earlier entries kept while
    /// their file still exists in the same chapters folder; in chapter order (by file name).
    func merged(with built: [Entry], chaptersFolder: String) -> SiteManifest {
        let folder = (chaptersFolder as NSString).standardizingPath
        let builtPaths = Set(built.map { ($0.path as NSString).standardizingPath })
        let builtSlugs = Set(built.map(\.summary.slug))
        let kept = entries.filter { entry in
            let path = (entry.path as NSString).standardizingPath
            return !builtPaths.contains(path) && !builtSlugs.contains(entry.summary.slug)
                && (path as NSString).deletingLastPathComponent == folder
                && FileManager.default.fileExists(atPath: entry.path)
        }
        let name = { (entry: Entry) in (entry.path as NSString).lastPathComponent }
        return SiteManifest(entries: (kept + built).sorted { (name($0), $0.path) < (name($1), $1.path) })
    }

    func write(to outputDirectory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try FileManager.default.createDirectory(atPath: Workbook.cacheDirectory(in: outputDirectory),
                                                withIntermediateDirectories: true)
        try SiteWriter.writeIfChanged(try encoder.encode(self), to: Self.path(in: outputDirectory))
    }
}
