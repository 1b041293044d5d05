import Foundation

/// Things in a student's exercise code a human should look at: file descriptors, exiting
/// around the checks, loading code, starting processes, reading the engine's files. A flag is
/// a column in the grades file, never a verdict: an honest answer may use any of them.
public enum SubmissionFlags {
    /// What is looked for (in code, comments and strings blanked), as printed in the column.
    static let patterns: [(flag: String, words: [String])] = [
        ("fd", ["write(", "read(", "open(", "close(", "dup(", "dup2(", "fileDescriptor", "FileHandle(", "_FILENO"]),
        ("_exit", ["_exit(", "_Exit(", "exit("]),
        ("dlopen", ["dlopen", "dlsym"]),
        ("process", ["Process(", "Process.", "fork(", "vfork(", "posix_spawn", "execv", "system(", "popen(", "setsid", "kill("]),
        ("/proc", ["/proc"]),
        ("#filePath", ["#filePath", "#file", "#fileID"]),
    ]

    public static func flags(in code: String) -> [String] {
        // Paths live in strings, so /proc is looked for in the code as written.
        let blanked = SwiftCodeText.blankingCommentsAndStrings(code)
        return patterns.filter { entry in
            entry.words.contains { word in
                let text = word == "/proc" ? code : blanked
                return occurs(word, in: text)
            }
        }.map(\.flag)
    }

    /// `word` not preceded by a letter, digit or `_` (so `rewrite(` is not `write(`).
    private static func occurs(_ word: String, in text: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: word) {
            let scalars = text.unicodeScalars
            let before = range.lowerBound == text.startIndex ? nil : scalars[scalars.index(before: range.lowerBound)]
            if !(before.map { $0 == "_" || $0.properties.isXIDContinue } ?? false) { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }
}
