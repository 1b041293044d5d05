/// A place in a chapter file: the `.md` path as the user named it, and a 1-based line.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// The tool itself failed: the output could not be written, a process could not start.
    public static func toolFailure(_ message: String) -> WorkbookError {
        var error = WorkbookError(message)
        error.kind = .toolFailure
        return error
    }

    public var description: String { "\(file):\(line)" }
}

/// Bad input: printed as one line `FILE:LINE: error: …`, exit status 2. Or, with
/// `kind == .toolFailure`, the tool itself could not do its work (cannot write the output,
/// cannot start a process): exit status 3.
public struct WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The user's chapters, paths or options are wrong: exit status 2.
        case badInput
        /// The tool could not do its work on good input: exit status 3.
        case toolFailure
    }

    public var location: SourceLocation?
    public var message: String
    public var kind: Kind = .badInput

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public init(_ message: String, file: String, line: Int) {
        self.init(message, at: SourceLocation(file: file, line: line))
    }

    /// The tool itself failed: the output could not be written, a process could not start.
    public static func toolFailure(_ message: String) -> WorkbookError {
        var error = WorkbookError(message)
        error.kind = .toolFailure
        return error
    }

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}
