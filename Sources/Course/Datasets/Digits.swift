import Foundation
import WorkbookRuntime

/// The UCI handwritten digits (1,797 images of 8 × 8 pixels with values 0–16, classes 0–9;
/// CC BY 4.0, Alpaydin and Kaynak 1998). See Data/README.md for the source and citation.
public struct Digits: Sendable {
    /// One row of 64 pixels per image, row-major (pixel 8·row + column).
    public let pixels: [[Double]]
    /// The digit each image shows, 0–9.
    public let labels: [Int]

    /// The number of images (1,797 for the full set).
    public var count: Int { labels.count }

    /// Image i as 8 rows of 8 pixels.
    public func image(_ i: Int) -> [[Double]] {
        (0..<8).map { Array(pixels[i][($0 * 8)..<($0 * 8 + 8)]) }
    }

    /// Reads the decompressed CSV (`Data/digits.csv`: 64 pixel columns then the label, no
    /// header) and tells the workbook engine it depends on that file.
    ///
    /// - Throws: `DatasetError` naming the file and line of the first malformed row.
    public static func load(from path: String) throws -> Digits {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DatasetError(path: path, line: nil, message: "cannot read the file")
        }
        Notebook.recordDependency(path: path)
        var pixels: [[Double]] = [], labels: [Int] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 65 else {
                throw DatasetError(path: path, line: index + 1, message: "expected 65 comma-separated values, found \(fields.count)")
            }
            let numbers = fields.compactMap { Int($0) }
            guard numbers.count == 65, numbers[0..<64].allSatisfy({ (0...16).contains($0) }), (0...9).contains(numbers[64]) else {
                throw DatasetError(path: path, line: index + 1, message: "expected 64 pixels in 0…16 and a label in 0…9")
            }
            pixels.append(numbers[0..<64].map(Double.init))
            labels.append(numbers[64])
        }
        guard !labels.isEmpty else { throw DatasetError(path: path, line: nil, message: "no rows") }
        return Digits(pixels: pixels, labels: labels)
    }
}

/// A data file that could not be read, printed as `FILE:LINE: error: message`.
public struct DatasetError: Error, Equatable, CustomStringConvertible {
    /// The file that could not be read.
    public let path: String
    /// Its 1-based line, when the problem is on one line.
    public let line: Int?
    /// What is wrong there.
    public let message: String
    /// `FILE:LINE: error: message`, the form editors and the workbook engine link to.
    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): error: \(message)"
    }
}
