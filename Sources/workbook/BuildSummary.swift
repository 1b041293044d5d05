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
            for message in chapter.messages {
                out += (message.contains(": warning: ") ? message.yellow : message.red) + "\n"
            }
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

    /// The status padded to one width, coloured: the chapter lines line up.
    static func tag(_ status: ChapterStatus) -> String {
        let padded = word(status).padding(toLength: 9, withPad: " ", startingAt: 0)
        return status == .passed ? padded.green : padded.red
    }

    static func word(_ status: ChapterStatus) -> String {
        switch status {
        case .passed: return "passed"
        case .failedToCompile: return "no build"
        case .crashed: return "crashed"
        case .timedOut: return "timed out"
        case .failed: return "failed"
        }
    }
}
