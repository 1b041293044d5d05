/// A place in a chapter file: the `.md` path as the user named it, and a 1-based line.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// Bad input: printed as one line `FILE:LINE: error: …`, exit status 2.
public struct WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public init(_ message: String, file: String, line: Int) {
        self.init(message, at: SourceLocation(file: file, line: line))
    }

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}

/// The tool itself failed, not the input: a file it cannot write, a temporary folder or a
/// process it cannot make. Printed as `error: …`, exit status 3; a grade is never made from it.
public struct ToolFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "error: \(message)" }
}
