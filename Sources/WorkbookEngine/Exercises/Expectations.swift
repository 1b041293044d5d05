/// One failed `expect…` call in a check cell, as the chapter program reported it.
public struct ExpectationFailure: Codable, Equatable, Sendable {
    /// The `.md` file and line of the call (from the program's `#sourceLocation`).
    public var file: String
    public var line: Int
    public var message: String
    /// Set for `expectEqual` and `expectClose`.
    public var expected: String?
    public var actual: String?

    public init(file: String, line: Int, message: String, expected: String? = nil, actual: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.expected = expected
        self.actual = actual
    }

    /// `message (expected 3, got 4)`.
    public var text: String {
        guard let expected, let actual else { return message }
        return "\(message): expected \(expected), got \(actual)"
    }
}

/// The expectations a cell ran: how many passed and failed, and the first failures in full.
public struct ExpectationTally: Codable, Equatable, Sendable {
    public var passed = 0
    public var failed = 0
    /// At most `keptFailures`: a check in a loop cannot flood the report.
    public var failures: [ExpectationFailure] = []

    public static let keptFailures = 50

    public init(passed: Int = 0, failed: Int = 0, failures: [ExpectationFailure] = []) {
        self.passed = passed
        self.failed = failed
        self.failures = failures
    }

    public mutating func add(passed didPass: Bool, failure: @autoclosure () -> ExpectationFailure) {
        if didPass {
            passed += 1
        } else {
            failed += 1
            if failures.count < Self.keptFailures { failures.append(failure()) }
        }
    }

    /// Reads a `K` channel record: fields `passed line hasValues`, payload `file␀message␀expected␀actual`.
    mutating func add(fields: [String], payload: [UInt8]) {
        guard fields.count >= 2 else { return }
        let parts = payload.split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        let hasValues = fields.count >= 3 && fields[2] == "1" && parts.count >= 4
        add(passed: fields[0] == "1",
            failure: ExpectationFailure(file: parts.first ?? "", line: Int(fields[1]) ?? 0,
                                        message: parts.count > 1 ? parts[1] : "",
                                        expected: hasValues ? parts[2] : nil,
                                        actual: hasValues ? parts[3] : nil))
    }
}
