import Foundation
import Rainbow
import WorkbookEngine

/// The lines `workbook build` prints: one per chapter, then where the reports went.
enum BuildSummary {
    static func text(_ report: BuildReport, timings: Bool) -> String {
        Rainbow.enabled = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var out = ""
        for chapter in report.chapters {
            var line = "\(tag(chapter.status)) \(chapter.path) — \(chapter.counts.description)"
            if chapter.fromCache { line += " (cached)".dim }
            if timings { line += String(format: " %.2f s", chapter.seconds) }
            out += line + "\n"
        }
        let failed = report.chapters.filter { $0.status != .passed }.count
        out += "\(report.chapters.count) chapter\(report.chapters.count == 1 ? "" : "s"), "
            + (failed == 0 ? "all passed".green : "\(failed) failed".red)
            + "; reports in \(report.outputDirectory)/index.html\n"
        if timings {
            out += String(format: "parse %.3f s, run %.3f s, render %.3f s\n",
                          report.parseSeconds, report.runSeconds, report.renderSeconds)
        }
        return out
    }

    static func tag(_ status: ChapterStatus) -> String {
        switch status {
        case .passed: return "passed   ".green
        case .failedToCompile: return "no build ".red
        case .crashed: return "crashed  ".red
        case .timedOut: return "timed out".red
        case .failed: return "failed   ".red
        }
    }
}
