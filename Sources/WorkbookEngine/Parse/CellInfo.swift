import Foundation

/// Reads the words of a fenced block's info string: ```` ```swift hide timeout=5 ```` and
/// ```` ```output tolerance=1e-6 ````.
enum CellInfo {
    /// What a fenced block's first info word makes it.
    enum FenceRole: Equatable {
        case cell(words: [String])
        case output(words: [String])
        case prose
    }

    static func role(ofInfo info: String) -> FenceRole {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        switch words.first {
        case "swift": return .cell(words: Array(words.dropFirst()))
        case "output": return .output(words: Array(words.dropFirst()))
        default: return .prose
        }
    }

    /// Attributes of a cell; `location` is the fence line, where every error points.
    static func attributes(_ words: [String], at location: SourceLocation) throws -> CellAttributes {
        var attributes = CellAttributes()
        var kindWord: String?
        func fail(_ message: String) -> WorkbookError { WorkbookError(message, at: location) }

        for word in words {
            let (key, value) = split(word)
            switch (key, value) {
            case ("hide", nil): attributes.hide = true
            case ("skip", nil): attributes.skip = true
            case ("compile-fail", nil): attributes.compileFail = true
            case ("hidden", nil): attributes.hidden = true
            case ("exercise", nil), ("solution", nil), ("check", nil):
                if let kindWord, kindWord != key {
                    throw fail("a cell can be only one of exercise, solution, check (has '\(kindWord)' and '\(key)')")
                }
                kindWord = key
                attributes.kind = CellKind(rawValue: key)!
            case ("timeout", let value?):
                guard let seconds = Double(value), seconds.isFinite, seconds > 0 else {
                    throw fail("timeout must be a positive number of seconds, not '\(value)'")
                }
                attributes.timeout = seconds
            case ("points", let value?):
                guard let points = Double(value), points.isFinite else {
                    throw fail("points must be a finite number, not '\(value)'")
                }
                attributes.points = points
            case ("id", let value?):
                guard !value.isEmpty else { throw fail("id needs a value: id=NAME") }
                attributes.id = value
            default:
                let valid = CellAttributes.validWords.joined(separator: ", ")
                throw fail("unknown cell attribute '\(word)' (valid: \(valid))")
            }
        }
        return attributes
    }

    /// Options an output block understands; anything else is an input error.
    static let validOutputOptions = ["tolerance=X", "ignore=REGEX"]

    static func outputOptions(_ words: [String], at location: SourceLocation) throws -> [String: String] {
        var options: [String: String] = [:]
        for word in words {
            let (key, value) = split(word)
            switch (key, value) {
            case ("tolerance", let value?):
                guard let tolerance = Double(value), tolerance.isFinite, tolerance >= 0 else {
                    throw WorkbookError("tolerance must be a non-negative number, not '\(value)'", at: location)
                }
            case ("ignore", let value?):
                do { _ = try NSRegularExpression(pattern: value) } catch {
                    throw WorkbookError("ignore=\(value) is not a valid regular expression", at: location)
                }
            default:
                let valid = validOutputOptions.joined(separator: ", ")
                throw WorkbookError("unknown output option '\(word)' (valid: \(valid))", at: location)
            }
            options[key] = value ?? ""
        }
        return options
    }

    /// `key=value` → (key, value); a bare word → (word, nil).
    private static func split(_ word: String) -> (String, String?) {
        guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }
}
