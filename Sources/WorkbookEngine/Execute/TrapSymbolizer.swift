import Foundation

/// Finds where in the chapter a trap happened. The Swift runtime's report lists the stack
/// with each frame's offset inside its image but no names for the chapter program's own
/// code; the program is compiled with line tables (`-g`) under `#sourceLocation`, so
/// `addr2line` turns those offsets into `.md` lines. A trap in the student's own function
/// is then reported where it happened, not at the check that called it.
struct TrapSymbolizer {
    /// One frame inside the chapter's own code, innermost first.
    struct Frame: Equatable {
        var function: String
        var line: Int
    }

    let executable: String
    let chapterPath: String

    /// Frames of `report` (the runtime's report, addresses already removed) that lie in the
    /// chapter file, innermost first; empty when nothing could be resolved.
    func frames(in report: String) -> [Frame] {
        let image = URL(fileURLWithPath: executable).lastPathComponent
        let offsets = Self.offsets(in: report, image: image)
        guard !offsets.isEmpty, let addr2line = Self.tool("addr2line") else { return [] }
        // Return addresses point after the call; one byte back is the call's own line.
        let addresses = offsets.map { "0x" + String(max(0, $0 - 1), radix: 16) }
        guard let run = try? ProcessRunner.run(executable: addr2line, arguments: ["-f", "-e", executable] + addresses),
              run.exit == .exited(0) else { return [] }
        let lines = String(decoding: run.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var frames: [Frame] = []
        var index = 0
        while index + 1 < lines.count {
            let function = String(lines[index]), place = lines[index + 1]
            index += 2
            guard let line = line(of: place) else { continue }
            frames.append(Frame(function: function, line: line))
        }
        return demangled(frames)
    }

    /// The `+ N` offsets of the frames in `image`, innermost first.
    static func offsets(in report: String, image: String) -> [Int] {
        report.split(separator: "\n").compactMap { line -> Int? in
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 4, Int(words[0]) != nil, words[1] == image,
                  words[words.count - 2] == "+", let offset = Int(words[words.count - 1]) else { return nil }
            return offset
        }
    }

    /// `/work/Chapters/04-kmeans.md:139 (discriminator 2)` → 139 when the file is the chapter.
    func line(of place: Substring) -> Int? {
        let location = place.split(separator: " ").first.map(String.init) ?? ""
        guard let colon = location.lastIndex(of: ":"), let line = Int(location[location.index(after: colon)...]),
              line > 0 else { return nil }
        let file = String(location[..<colon])
        let chapter = URL(fileURLWithPath: chapterPath).standardizedFileURL.path
        guard file == chapterPath || file == chapter || file.hasSuffix("/" + chapterPath) else { return nil }
        return line
    }

    /// Swift names as a reader knows them (`update(_:)`), when the toolchain's demangler is there.
    private func demangled(_ frames: [Frame]) -> [Frame] {
        guard !frames.isEmpty, let demangler = Self.tool("swift-demangle") else { return frames }
        guard let run = try? ProcessRunner.run(executable: demangler, arguments: ["--simplified", "--compact"] + frames.map(\.function)),
              run.exit == .exited(0) else { return frames }
        let names = String(decoding: run.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        guard names.count == frames.count else { return frames }
        return zip(frames, names).map { Frame(function: Self.shortName($1), line: $0.line) }
    }

    /// `WorkbookChapter.update(_: [Swift.Int]) -> Swift.Int` → `update(_:)`; `main` stays.
    static func shortName(_ name: String) -> String {
        var text = name
        if let paren = text.firstIndex(of: "(") {
            let labels = text[paren...].prefix { $0 != ")" }.dropFirst()
                .split(separator: ",").map { part -> String in
                    let label = part.split(separator: ":").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "_"
                    return label + ":"
                }.joined()
            text = String(text[..<paren]) + "(" + labels + ")"
        }
        if text.hasPrefix(ChapterCompiler.moduleName + ".") { text.removeFirst(ChapterCompiler.moduleName.count + 1) }
        return text
    }

    /// A tool on PATH, or beside swiftc's own folder.
    static func tool(_ name: String) -> String? {
        var folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        folders += ["/usr/bin", "/bin"]
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
