import Foundation

/// The whole build: chapters in, report pages out.
public enum Workbook {
    /// Where cached results live inside the output folder.
    public static func cacheDirectory(in outputDirectory: String) -> String { outputDirectory + "/.cache" }

    /// Parses every chapter first (bad input throws a `WorkbookError` before anything is
    /// written), then plans, looks up, runs and caches up to `options.jobs` chapters at once,
    /// then renders and writes the site.
    public static func build(paths: [String], outputDirectory: String, options: RunOptions,
                             toolchain: Toolchain, katex: KaTeXSource = .detect(),
                             edition: Edition = .instructor, progress: ChapterProgress? = nil,
                             pageTemplate: String = "page",
                             cellEvents: (@Sendable (_ chapter: Chapter, _ event: RunEvent) -> Void)? = nil) throws -> BuildReport {
        let started = Date()
        let loaded = try loadChapters(paths)
        for chapter in loaded { _ = try ExerciseSet(chapter) }  // malformed exercise blocks are bad input
        try OutputFolder.requireNotAFile(outputDirectory)
        let chapters = loaded.map(edition.displayed)
        let site = try CourseSite.load(paths: paths)
        let theme = try Theme.forCourse(root: site.root)
        let parsed = Date()

        let cache = ResultCache(directory: cacheDirectory(in: outputDirectory))
        let runs = boundedParallelMap(chapters, limit: max(1, options.jobs)) { chapter in
            progress?.started(chapter.path)
            let run = timed {
                result(of: edition.runnable(chapter), cache: cache, options: options, toolchain: toolchain,
                       runKinds: AnswerPlanning.allKinds,
                       events: cellEvents.map { report in { @Sendable event in report(chapter, event) } })
                    .withExpectationVerdict()
                    .withOutputVerdict(chapter)
            }
            progress?.finished(chapter.path, line: BuildReport.chapterLine(path: chapter.path, result: run.value,
                                                                           cells: chapter.cells))
            return run
        }
        let ran = Date()

        let summaries = zip(chapters, runs).map { ChapterSummary(chapter: $0, result: $1.value) }
        var renderer = ReportRenderer(options: options, katex: katex, theme: theme, site: site)
        renderer.template = pageTemplate
        // The site is every chapter built now plus those built before into this folder (a
        // one-chapter build keeps the others in the index, sidebar, pager and search).
        var manifest = SiteManifest.load(from: outputDirectory).merged(
            with: zip(chapters, summaries).map { SiteManifest.Entry(path: $0.path, summary: $1, search: []) },
            chaptersFolder: CourseSite.chaptersFolder(for: paths))
        let all = manifest.listingEveryChapter(in: CourseSite.chaptersFolder(for: paths)).entries.map(\.summary)
        var pages = ["index.html": renderer.indexPage(all)]
        for ((chapter, run), summary) in zip(zip(chapters, runs), summaries) {
            let page = renderer.render(chapter, result: run.value, all: all)
            pages[summary.fileName] = page.html
            if let position = manifest.entries.firstIndex(where: { $0.summary.slug == summary.slug }) {
                manifest.entries[position].search = page.search
            }
        }
        let search = SearchIndex.script(manifest.entries.flatMap(\.search))
        try SiteWriter.write(pages: pages, to: outputDirectory, katex: katex, theme: theme,
                             extraAssets: ["search-index.js": Data(search.utf8)])
        try manifest.write(to: outputDirectory)
        let rendered = Date()

        let outcomes = zip(zip(chapters, runs), summaries).map { pair, summary in
            BuildReport.ChapterOutcome(path: pair.0.path, slug: summary.slug, title: summary.title,
                                       status: summary.status, counts: summary.counts,
                                       fromCache: pair.1.value.fromCache, seconds: pair.1.seconds,
                                       messages: BuildReport.messages(pair.0, pair.1.value),
                                       toolFailure: pair.1.value.toolFailure)
        }
        return BuildReport(chapters: outcomes, outputDirectory: outputDirectory,
                           parseSeconds: parsed.timeIntervalSince(started),
                           runSeconds: ran.timeIntervalSince(parsed),
                           renderSeconds: rendered.timeIntervalSince(ran))
    }

    /// One chapter, always run (no cache): what `workbook run` shows as it goes.
    public static func run(_ chapter: Chapter, options: RunOptions, toolchain: Toolchain,
                           events: (@Sendable (RunEvent) -> Void)? = nil) -> ChapterResult {
        let runnable = Edition.instructor.runnable(chapter)
        let plan = Planner.plan(runnable, toolchain: toolchain, options: options, runKinds: AnswerPlanning.allKinds)
        return options.runner.run(plan, chapter: runnable, toolchain: toolchain, options: options, events: events)
    }

    /// Reads and parses every chapter the paths name, in order; two chapters that would write
    /// the same page are an error.
    public static func loadChapters(_ paths: [String]) throws -> [Chapter] {
        let chapters = try ChapterDiscovery.chapterFiles(for: paths).map(loadChapter)
        var pathsBySlug: [String: String] = [:]
        for chapter in chapters {
            if let other = pathsBySlug[chapter.slug] {
                throw WorkbookError("\(chapter.path): would write the same page as \(other) (\(chapter.slug).html)")
            }
            pathsBySlug[chapter.slug] = chapter.path
        }
        return chapters
    }

    /// Reads and parses one chapter file.
    public static func loadChapter(_ path: String) throws -> Chapter {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw WorkbookError("\(path): \(ChapterDiscovery.whyMissing(path))")
        }
        guard !isFolder.boolValue else { throw WorkbookError("\(path): is a folder, not a chapter file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbookError("\(path): cannot read the file")
        }
        return try ChapterParser.parse(path: path, bytes: Array(data))
    }

    /// The cached result when nothing that could change it changed; otherwise a fresh run,
    /// cached when it passed.
    private static func result(of chapter: Chapter, cache: ResultCache, options: RunOptions,
                               toolchain: Toolchain, runKinds: Set<CellKind>,
                               events: (@Sendable (RunEvent) -> Void)? = nil) -> ChapterResult {
        let plan = Planner.plan(chapter, toolchain: toolchain, options: options, runKinds: runKinds)
        if options.useCache, let cached = cache.lookup(plan) { return cached }
        let result = options.runner.run(plan, chapter: chapter, toolchain: toolchain, options: options, events: events)
        // A cache that cannot be written costs only speed next time, never this build's result.
        try? cache.store(result, for: plan)
        return result
    }

    private static func timed<T>(_ work: () -> T) -> (value: T, seconds: Double) {
        let start = Date()
        let value = work()
        return (value, Date().timeIntervalSince(start))
    }
}
