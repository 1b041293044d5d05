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

    /// With every other chapter of the course's folder listed as not built (title only), so a
    /// partial build into a fresh folder still shows the whole course. Not written to disk: a
    /// later build reads the titles again. A chapter that does not parse is left out.
    func listingEveryChapter(in chaptersFolder: String) -> SiteManifest {
        let have = Set(entries.map { ($0.path as NSString).standardizingPath })
        let slugs = Set(entries.map(\.summary.slug))
        let files = (try? ChapterDiscovery.chapterFiles(for: [chaptersFolder])) ?? []
        let unbuilt = files.filter { !have.contains(($0 as NSString).standardizingPath) }.compactMap { path -> Entry? in
            guard let chapter = try? Workbook.loadChapter(path), !slugs.contains(chapter.slug) else { return nil }
            return Entry(path: path, summary: ChapterSummary(slug: chapter.slug, title: chapter.title, status: .passed,
                                                             counts: CellCounts(), built: false), search: [])
        }
        guard !unbuilt.isEmpty else { return self }
        let name = { (entry: Entry) in (entry.path as NSString).lastPathComponent }
        return SiteManifest(entries: (entries + unbuilt).sorted { (name($0), $0.path) < (name($1), $1.path) })
    }

    func write(to outputDirectory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicWrite.makeFolder(Workbook.cacheDirectory(in: outputDirectory))
        try SiteWriter.writeIfChanged(try encoder.encode(self), to: Self.path(in: outputDirectory))
    }
}
