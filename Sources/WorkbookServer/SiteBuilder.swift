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
    /// Page file name → the chapter file it is built from and that file's version at the build.
    private(set) var pages: [String: (path: String, version: String)] = [:]
    /// The bad-input error of the last build (`FILE:LINE: error: …`), nil when it succeeded.
    private(set) var lastError: String?
    /// Bytes of every page after the last build, to tell which pages changed.
    private var pageBytes: [String: Data] = [:]
    private(set) var builds = 0

    init(settings: Settings, channel: LiveChannel) {
        self.settings = settings
        self.channel = channel
    }

    /// Builds, then tells open pages which pages changed (or what is wrong).
    @discardableResult
    func rebuild() async -> String? {
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
            await channel.send(["type": "reload", "pages": changed])
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
}
