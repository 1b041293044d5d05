#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WorkbookProtocol

// The check API for ```swift check``` cells. A failed expectation is recorded, never thrown:
// the chapter goes on, so every later check still gets its say.
//
// Channel record (see WorkbookProtocol.RecordKind.check): `K seq passed line hasValues length tag`, passed = 1 or 0, payload =
// file, message, expected, actual, separated by NUL bytes. `#filePath` and `#line` pick up the
// generated program's `#sourceLocation`, so `file:line` is the chapter's `.md` file and line.

/// Values `expectClose` compares number by number: a shape (empty for one number) and the numbers
/// in row-major order. The course's tensor type conforms to this, so checks can compare a tensor
/// with nested arrays without this module knowing about the course library.
public protocol ApproximatelyComparable {
    var comparisonShape: [Int] { get }
    var comparisonValues: [Double] { get }
}

extension Double: ApproximatelyComparable {
    public var comparisonShape: [Int] { [] }
    public var comparisonValues: [Double] { [self] }
}

extension Float: ApproximatelyComparable {
    public var comparisonShape: [Int] { [] }
    public var comparisonValues: [Double] { [Double(self)] }
}

extension Int: ApproximatelyComparable {
    public var comparisonShape: [Int] { [] }
    public var comparisonValues: [Double] { [Double(self)] }
}

extension Array: ApproximatelyComparable where Element: ApproximatelyComparable {
    /// `[rows, columns]` for a matrix; a ragged array has -1 where its rows disagree.
    public var comparisonShape: [Int] {
        guard let first = first?.comparisonShape else { return [count] }
        return [count] + (allSatisfy { $0.comparisonShape == first } ? first : [-1])
    }

    public var comparisonValues: [Double] { flatMap(\.comparisonValues) }
}

/// Records that `condition` holds; when it does not, `message` is the failure's explanation.
@discardableResult
public func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "",
                   file: StaticString = #filePath, line: UInt = #line) -> Bool {
    let passed = condition()
    let text = passed ? "" : message()
    Expectations.record(passed: passed, file: file, line: line,
                        message: text.isEmpty ? "expectation failed" : text)
    return passed
}

/// Records that `actual == expected`, showing both when they differ.
@discardableResult
public func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ message: @autoclosure () -> String = "",
                                      file: StaticString = #filePath, line: UInt = #line) -> Bool {
    let passed = actual == expected
    guard !passed else {
        Expectations.record(passed: true, file: file, line: line, message: "")
        return true
    }
    let note = message()
    Expectations.record(passed: false, file: file, line: line,
                        message: note.isEmpty ? "values differ" : note,
                        expected: String(describing: expected), actual: String(describing: actual))
    return false
}

/// Records that `actual` and `expected` have the same shape and every pair of numbers differs by
/// at most `tolerance` (absolute). NaN is never close to anything.
@discardableResult
public func expectClose<A: ApproximatelyComparable, B: ApproximatelyComparable>(
    _ actual: A, _ expected: B, tolerance: Double = 1e-6, _ message: @autoclosure () -> String = "",
    file: StaticString = #filePath, line: UInt = #line
) -> Bool {
    let problem = Closeness.problem(actual: actual, expected: expected, tolerance: tolerance)
    guard let problem else {
        Expectations.record(passed: true, file: file, line: line, message: "")
        return true
    }
    let note = message()
    Expectations.record(passed: false, file: file, line: line,
                        message: note.isEmpty ? problem : "\(note): \(problem)",
                        expected: Closeness.describe(expected), actual: Closeness.describe(actual))
    return false
}

enum Closeness {
    /// Why two values are not close, or nil when they are.
    static func problem<A: ApproximatelyComparable, B: ApproximatelyComparable>(
        actual: A, expected: B, tolerance: Double) -> String? {
        let shape = actual.comparisonShape, wanted = expected.comparisonShape
        guard shape == wanted, !shape.contains(-1) else {
            return "shapes differ: expected \(wanted), got \(shape)"
        }
        let values = actual.comparisonValues, targets = expected.comparisonValues
        var worst: (index: Int, gap: Double)?
        for index in values.indices {
            let gap = abs(values[index] - targets[index])
            // `!(gap <= tolerance)` so that NaN counts as too far.
            if !(gap <= tolerance), worst == nil || !(gap <= worst!.gap) { worst = (index, gap) }
        }
        guard let worst else { return nil }
        let place = shape.isEmpty ? "" : " at \(position(of: worst.index, in: shape))"
        return "not within tolerance \(tolerance): difference \(worst.gap)\(place)"
    }

    /// Flat index → `[row, column]` style position.
    static func position(of flat: Int, in shape: [Int]) -> [Int] {
        var rest = flat
        var out = [Int](repeating: 0, count: shape.count)
        for axis in shape.indices.reversed() where shape[axis] > 0 {
            out[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return out
    }

    /// A value as nested brackets (`[[1.0, 2.0], [3.0, 4.0]]`); a large one as its shape and
    /// first numbers.
    static func describe<V: ApproximatelyComparable>(_ value: V) -> String {
        let values = value.comparisonValues
        let shape = value.comparisonShape
        guard values.count <= 24, !shape.contains(-1) else {
            let shown = values.prefix(8).map { "\($0)" }.joined(separator: ", ")
            return "shape \(shape) starting \(shown), …"
        }
        var next = values.makeIterator()
        func nested(_ axes: ArraySlice<Int>) -> String {
            guard let size = axes.first else { return next.next().map { "\($0)" } ?? "" }
            return "[" + (0..<size).map { _ in nested(axes.dropFirst()) }.joined(separator: ", ") + "]"
        }
        return nested(shape[...])
    }
}

/// Where expectation results go: the engine channel when a chapter runs inside the engine,
/// otherwise failures are printed to stderr as `file:line: check failed: …`.
enum Expectations {
    static func record(passed: Bool, file: StaticString, line: UInt, message: String,
                       expected: String? = nil, actual: String? = nil) {
        let path = "\(file)"
        guard let channel = EngineChannel.shared else {
            if !passed {
                var text = "\(path):\(line): check failed: \(message)"
                if let expected, let actual { text += " (expected \(expected), got \(actual))" }
                writeAll(2, Array((text + "\n").utf8))
            }
            return
        }
        let parts = [path, message, expected ?? "", actual ?? ""].map { clipped($0, to: ProtocolLimits.checkPartBytes) }
        channel.send(.check, fields: [passed ? 1 : 0, Int(line), expected == nil ? 0 : 1],
                     payload: Array(parts.joined(separator: [0])))
    }
}
