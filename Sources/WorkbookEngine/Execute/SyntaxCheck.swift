import Foundation

/// Parses snippets of Swift alone (`swiftc -parse`: syntax only, no types, no imports), so a
/// missing `}` or a stray fence line is caught in the exercise that has it, before the chapter
/// is compiled as one program where it would swallow the cells after it.
public enum SyntaxCheck {
    public struct Snippet: Sendable {
        public var code: String
        /// Where its first line is, for diagnostics.
        public var file: String
        public var firstLine: Int

        public init(code: String, file: String, firstLine: Int) {
            self.code = code
            self.file = file
            self.firstLine = firstLine
        }
    }

    /// Error diagnostics per snippet (empty when it parses). Throws a `ToolFailure` when the
    /// compiler cannot be started or no temporary folder can be made.
    public static func errors(in snippets: [Snippet], toolchain: Toolchain) throws -> [[Diagnostic]] {
        guard !snippets.isEmpty else { return [] }
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcomes = ResultSlots<Result<[Diagnostic], ToolFailure>>(count: snippets.count)
        DispatchQueue.concurrentPerform(iterations: snippets.count) { number in
            let snippet = snippets[number]
            let directory = "\(folder)/\(number)"
            let file = directory + "/main.swift"
            // The code exactly, lines mapped back below: #sourceLocation does not move an error
            // at the end of the file (a missing `}`), and would be an error of its own there.
            let text = snippet.code
            let lastLine = snippet.firstLine + text.utf8.filter { $0 == UInt8(ascii: "\n") }.count
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try AtomicWrite.write(Array(text.utf8), to: file)
                // The frontend directly: half the start-up time of the driver, for a parse.
                let run = try ProcessRunner.run(executable: toolchain.swiftc, arguments: ["-frontend", "-parse", file])
                let diagnostics = DiagnosticParser.parse(String(decoding: run.stderr + run.stdout, as: UTF8.self))
                    .filter { $0.severity == "error" }.map { diagnostic -> Diagnostic in
                        var moved = diagnostic
                        moved.file = snippet.file
                        // Past the last line (the end of the file) is the block's closing fence.
                        moved.line = diagnostic.file.hasSuffix("/main.swift") ? min(snippet.firstLine + max(diagnostic.line, 1) - 1, lastLine) : 0
                        return moved
                    }
                if run.exit != .exited(0) && diagnostics.isEmpty {
                    outcomes[number] = .failure(ToolFailure("swiftc -parse failed: \(String(decoding: run.stderr, as: UTF8.self))"))
                } else {
                    outcomes[number] = .success(diagnostics)
                }
            } catch let failure as ToolFailure {
                outcomes[number] = .failure(failure)
            } catch {
                outcomes[number] = .failure(ToolFailure("cannot run the compiler: \((error as? WorkbookError)?.message ?? "\(error)")"))
            }
        }
        return try outcomes.values.map { try $0.get() }
    }
}
