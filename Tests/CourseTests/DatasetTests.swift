import Foundation
import Testing
@testable import Course

@Suite struct DatasetTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func digitsLoad() throws {
        let digits = try Digits.load(from: Self.repositoryRoot.appendingPathComponent("Data/digits.csv").path)
        #expect(digits.count == 1797)
        #expect(digits.pixels.allSatisfy { $0.count == 64 })
        let classCounts = (0...9).map { label in digits.labels.filter { $0 == label }.count }
        #expect(classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        #expect(digits.image(0)[0] == [0, 0, 5, 13, 9, 1, 0, 0] && digits.labels[0] == 0)
    }

    @Test func malformedDigitsFileNamesFileAndLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-digits-\(getpid()).csv").path
        let good = Array(repeating: "0", count: 64).joined(separator: ",") + ",3"
        try (good + "\n" + "1,2,3\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: DatasetError(path: path, line: 2, message: "expected 65 comma-separated values, found 3")) {
            try Digits.load(from: path)
        }
        #expect("\(DatasetError(path: path, line: 2, message: "x"))" == "\(path):2: error: x")
        #expect(throws: DatasetError.self) { try Digits.load(from: "/nonexistent/digits.csv") }
    }

    @Test func generatedDatasetsAreSeededAndShaped() {
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3)
        let rectangles = Datasets.twoRectangles(perRectangle: 50, gap: 2, using: &a)
        #expect(rectangles.points.count == 100 && rectangles.labels.filter { $0 == 1 }.count == 50)
        #expect(rectangles.points.prefix(50).allSatisfy { (0..<10).contains($0[0]) && (0..<1).contains($0[1]) })
        #expect(rectangles.points.suffix(50).allSatisfy { (3..<4).contains($0[1]) })
        #expect(Datasets.twoRectangles(perRectangle: 50, gap: 2, using: &b).points == rectangles.points)
        let moons = Datasets.twoMoons(perMoon: 30, noise: 0, using: &a)
        #expect(moons.points[0] == [1, 0] && moons.points[30] == [0, 0.5])
    }
}
