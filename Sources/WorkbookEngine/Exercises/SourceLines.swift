/// A chapter file's bytes as lines, each keeping its own line ending, so edits by line number
/// leave every other byte exactly as it was.
struct SourceLines {
    /// `lines[i]` is line i + 1, with its "\n" (the last line may have none).
    var lines: [ArraySlice<UInt8>]

    init(_ bytes: [UInt8]) {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(bytes[start...offset])
            start = offset + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        self.lines = lines
    }

    /// The file with each 1-based inclusive line range replaced by its new bytes. Ranges must
    /// not overlap; an empty replacement removes the lines.
    func replacing(_ edits: [(lines: ClosedRange<Int>, with: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var next = 1
        for edit in edits.sorted(by: { $0.lines.lowerBound < $1.lines.lowerBound }) {
            while next < edit.lines.lowerBound, next <= lines.count {
                out += lines[next - 1]
                next += 1
            }
            out += edit.with
            next = max(next, edit.lines.upperBound + 1)
        }
        while next <= lines.count {
            out += lines[next - 1]
            next += 1
        }
        return out
    }
}
