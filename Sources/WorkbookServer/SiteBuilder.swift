import Foundation
import WorkbookEngine

/// Builds the served site into a folder of its own (`Output/.serve`, or `.serve-student`),
/// through the same pipeline and cache as `workbook build`, one build at a time. Whole chapters
/// are re-run when their code changed; the result cache makes the others and prose edits cheap.
/// (When the incremental kernel lands behind the runner seam, the pipeline gets it for free.)
actor SiteBuilder {
    struct Settings: Sendable {
        var paths: [String]
        var siteDirectory: String
        var options: RunOptions
        var toolchain: Toolchain
        var edition: Edition
    }

    let settings: Settings
    private let channel: LiveChannel
    /// What the course depends on; a build is of the files as they were when it started.
    let watcher: FileWatcher
    /// Page file name → the chapter file it is built from and that file's version at the build.
    private(set) var pages: [String: (path: String, version: String)] = [:]
    /// The bad-input error of the last build (`FILE:LINE: error: …`), nil when it succeeded.
    private(set) var lastError: String?
    /// Bytes of every page after the last build, to tell which pages changed.
    private var pageBytes: [String: Data] = [:]
    /// Builds finished; pages are told the number, so each patches itself once per build.
    private(set) var builds = 0
    /// This server's run: a page that outlived a restarted server does not compare numbers.
    let session = UUID().uuidString
    /// The latest build asked for, and the files it saw when it started.
    private var latest: (snapshot: FileWatcher.Snapshot, task: Task<String?, Never>)?

    init(settings: Settings, channel: LiveChannel, watcher: FileWatcher) {
        self.settings = settings
        self.channel = channel
        self.watcher = watcher
    }

    /// The files as the latest build saw them (nil before the first).
    var builtSnapshot: FileWatcher.Snapshot? { latest?.snapshot }

    /// Builds unless the latest build (running or done) already started from these very files,
    /// in which case its outcome is the answer: a Check that saved a file and the watcher that
    /// saw it share one build, so a chapter never runs twice for one edit. Builds never overlap.
    @discardableResult
    func rebuild() async -> String? {
        let now = watcher.snapshot()
        if let latest, latest.snapshot == now { return await latest.task.value }
        let previous = latest?.task
        let task = Task { () -> String? in
            _ = await previous?.value
            return await self.build()
        }
        latest = (now, task)
        return await task.value
    }

    /// Builds, then tells open pages which pages changed (or what is wrong).
    private func build() async -> String? {
        let settings = self.settings
        let channel = self.channel
        var versions: [String: (String, String)] = [:]
        for path in (try? ChapterDiscovery.chapterFiles(for: settings.paths)) ?? [] {
            let slug = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            versions["\(slug).html"] = (path, ExerciseEdit.version(of: path))
        }
        // The build blocks a thread for as long as chapters run: keep it off Swift's
        // cooperative pool, which serves the HTTP requests.
        let outcome: Result<BuildReport, Error> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Result {
                    try Workbook.build(paths: settings.paths, outputDirectory: settings.siteDirectory,
                                       options: settings.options, toolchain: settings.toolchain,
                                       edition: settings.edition, pageTemplate: "serve",
                                       cellEvents: { chapter, event in
                                           guard case .cellStarted(let index) = event else { return }
                                           let total = chapter.cells.count
                                           Task { await channel.send(["type": "running", "page": "\(chapter.slug).html",
                                                                      "cell": index + 1, "cells": total]) }
                                       })
                })
            }
        }
        builds += 1
        switch outcome {
        case .success:
            lastError = nil
            pages = versions.mapValues { (path: $0.0, version: $0.1) }
            let changed = changedPages()
            await channel.send(["type": "ok"], remember: true)
            // The build's number and each chapter's version, so a page that already shows
            // this build (after its own Run or Check) does not patch itself twice.
            await channel.send(["type": "reload", "pages": changed, "build": builds, "session": session,
                                "versions": pages.mapValues(\.version)])
            return nil
        case .failure(let error):
            let message = "\(error)"
            lastError = message
            await channel.send(["type": "error", "message": message], remember: true)
            return message
        }
    }

    /// Pages whose bytes differ from the last build's (all of them the first time).
    private func changedPages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: settings.siteDirectory)) ?? []
        var changed: [String] = []
        var bytes: [String: Data] = [:]
        for name in names where name.hasSuffix(".html") {
            // Whole bytes, not `Data.hashValue`, which hashes only a prefix (every page starts alike).
            let data = FileManager.default.contents(atPath: "\(settings.siteDirectory)/\(name)") ?? Data()
            bytes[name] = data
            if pageBytes[name] != data { changed.append(name) }
        }
        pageBytes = bytes
        return changed.sorted()
    }

    func page(_ name: String) -> (path: String, version: String)? { pages[name] }

    /// What the page needs to edit and score its exercises: each exercise's cells (by their
    /// `cell-N` ids on the page), which block this edition edits and runs, and each check's
    /// points (the same `ExerciseSet` the grader scores with). Never code: a student's server
    /// does not even name the solution's cell. Empty when the chapter does not parse.
    func exercises(_ name: String) -> [[String: Any]] {
        guard let path = pages[name]?.path, let chapter = try? Workbook.loadChapter(path),
              let set = try? ExerciseSet(chapter) else { return [] }
        let student = settings.edition == .student
        return set.exercises.map { exercise in
            var entry: [String: Any] = [
                "id": exercise.id,
                "exerciseCell": "cell-\(exercise.exerciseCell + 1)",
                // The instructor edits and runs the reference answer; a student their own block.
                "editable": !student && exercise.solutionCell != nil ? "solution" : "exercise",
                "maxPoints": exercise.maxPoints,
                "checks": exercise.checkCells.map { index -> [String: Any] in
                    ["cell": "cell-\(index + 1)", "points": ExerciseSet.points(of: chapter.cells[index]),
                     "hidden": chapter.cells[index].attributes.hidden]
                },
            ]
            if !student, let solution = exercise.solutionCell { entry["solutionCell"] = "cell-\(solution + 1)" }
            return entry
        }
    }
}
