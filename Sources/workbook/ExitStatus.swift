import ArgumentParser
import Foundation
import WorkbookEngine

/// Turns whatever ended a command into what the user sees and the documented exit status.
enum ExitStatus {
    static let passed: Int32 = 0
    static let cellsFailed: Int32 = 1
    static let badInput: Int32 = 2
    /// The tool itself failed: cannot write output, cannot start a process, the sandbox cannot
    /// start, could not grade.
    static let toolFailed: Int32 = 3

    /// The EXIT STATUS paragraph every command's help ends with; `zero` and `one` say what
    /// 0 and 1 mean for that command.
    static func help(zero: String, one: String?) -> String {
        var text = "Exit status: 0 \(zero); "
        if let one { text += "1 \(one); " }
        return text + "2 bad input (FILE:LINE: error: …, nothing written) or bad usage; "
            + "3 the tool itself failed (cannot write the output, cannot start the compiler, a program or the sandbox)."
    }

    /// Prints the error (one `FILE:LINE: error: …` line for bad input) and returns the status.
    static func report(_ error: Error, command: WorkbookCommand.Type) -> Int32 {
        if let error = error as? WorkbookError {
            StandardError.writeLine(error.description)
            return badInput
        }
        if let failure = error as? ToolFailure {
            StandardError.writeLine(failure.description)
            return toolFailed
        }
        if let code = error as? ExitCode { return code.rawValue }
        if error is CocoaError || error is POSIXError || (error as NSError).domain == NSCocoaErrorDomain {
            // A file operation the tool could not do (its message names the path).
            StandardError.writeLine("error: \((error as NSError).localizedDescription)")
            return toolFailed
        }
        let message = command.fullMessage(for: error)
        if command.exitCode(for: error) == .success {
            // --help and --version: the answer the user asked for.
            if !message.isEmpty { print(message) }
            return passed
        }
        StandardError.writeLine(message)
        return badInput
    }
}

/// Writes to stderr without buffering, so it interleaves correctly with stdout.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func writeLine(_ text: String) { write(text + "\n") }

    static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
