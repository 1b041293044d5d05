/// Splits a crashed cell's stderr into what the program wrote and the Swift runtime's own
/// report of the trap: its message line (`Swift/Array.swift:10: Fatal error: Index out of
/// range`), then `Current stack trace:` and numbered frames. The frames are noise to a student
/// (no symbols, `<unavailable>`), so the page folds them away, and their addresses differ
/// from run to run (ASLR), so they are dropped to keep pages byte-identical.
struct RuntimeReport: Equatable {
    /// Everything the program itself wrote to stderr before the runtime's report.
    var programOutput: String
    /// The report, message line first, without frame addresses; nil when the runtime printed none.
    var report: String?

    init(stderr: String) {
        guard let start = Self.lastMessageLineStart(in: stderr) else {
            programOutput = stderr
            report = nil
            return
        }
        programOutput = String(stderr[..<start])
        let lines = stderr[start...].split(separator: "\n", omittingEmptySubsequences: true)
        report = lines.map(Self.withoutAddresses).joined(separator: "\n")
    }

    /// Where the last line carrying a runtime trap message begins.
    static func lastMessageLineStart(in stderr: String) -> String.Index? {
        var found: String.Index?
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: true)
        where TrapMessage.runtimeMessages.contains(where: { line.contains($0) }) {
            found = line.startIndex
        }
        return found
    }

    /// `5  chapter  0x000056075ae20f55 <unavailable> + 3925` → `5  chapter  <unavailable> + 3925`.
    private static func withoutAddresses(_ line: Substring) -> String {
        line.split(separator: " ", omittingEmptySubsequences: false)
            .filter { !($0.hasPrefix("0x") && $0.count > 2 && $0.dropFirst(2).allSatisfy(\.isHexDigit)) }
            .joined(separator: " ")
    }
}
