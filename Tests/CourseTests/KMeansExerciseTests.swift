import Testing
@testable import Course

/// The notes' k-means exercises, number for number.
@Suite struct KMeansExerciseTests {
    @Test func threePointsExerciseStepByStep() throws {
        let result = try kMeans(Datasets.threePoints, initialCentroids: [[1, 0.5], [2, 1]])
        #expect(result.history.count == 3)
        let (first, second, third) = (result.history[0], result.history[1], result.history[2])
        #expect(first.assignments == [0, 1, 1])                 // the notes' [1, 2, 2]
        #expect(first.centroids == [[1, 0.5], [3, 2.25]])
        #expect(first.objective == 5.125)                       // 2 × (1 + 1.5625)
        // Iteration 2: point 2 is nearer μ1 than μ2.
        #expect(squaredEuclideanDistance([2, 1], first.centroids[0]) == 1.25)
        #expect(squaredEuclideanDistance([2, 1], first.centroids[1]) == 2.5625)
        #expect(second.assignments == [0, 0, 1])                // the notes' [1, 1, 2]
        #expect(second.centroids == [[1.5, 0.75], [4, 3.5]])
        #expect(second.objective == 0.625)
        #expect(second.changedAssignments == 1)
        // Iteration 3 changes nothing: converged.
        #expect(third.changedAssignments == 0)
        #expect(third.assignments == second.assignments && third.centroids == second.centroids)
        #expect(result.converged && result.iterationCount == 3)
        #expect(result.centroids == [[1.5, 0.75], [4, 3.5]] && result.objective == 0.625)
    }

    @Test func smileyFaceMatchesWhatTheNotesState() {
        let face = Datasets.smileyFace
        #expect(face.count == 22)
        func mean(_ rows: ArraySlice<[Double]>) -> [Double] {
            [rows.map { $0[0] }.reduce(0, +) / Double(rows.count), rows.map { $0[1] }.reduce(0, +) / Double(rows.count)]
        }
        #expect(mean(face[0..<4]) == [3.5, 6.5])
        #expect(mean(face[4..<8]) == [6.5, 6.5])
        let mouth = mean(face[8..<22])
        #expect(abs(mouth[0] - 5) < 1e-12 && abs(mouth[1] - 2.78) < 1e-12)
        #expect(face[8] == [2, 4] && face[21] == [8, 4])
        // A mouth tip is nearer an eye's centroid than the mouth's own centroid.
        #expect(squaredEuclideanDistance([8, 4], [6.5, 6.5]) == 8.5)
        #expect(abs(squaredEuclideanDistance([8, 4], mouth) - 10.4884) < 1e-12)
    }

    @Test func smileyFaceConvergesAfterOneIteration() throws {
        let result = try kMeans(Datasets.smileyFace, initialCentroids: Datasets.smileyFaceInitialCentroids)
        // Left half of the mouth, right half of the mouth, both eyes together.
        let expected = Array(repeating: 2, count: 8) + Array(repeating: 0, count: 7) + Array(repeating: 1, count: 7)
        #expect(result.history[0].assignments == expected)
        #expect(result.history.count == 2 && result.history[1].changedAssignments == 0)
        #expect(result.assignments == expected)
        let c = result.centroids
        #expect(abs(c[0][0] - 121.0 / 35) < 1e-12 && abs(c[0][1] - 2.78) < 1e-12)
        #expect(abs(c[1][0] - 229.0 / 35) < 1e-12 && abs(c[1][1] - 2.78) < 1e-12)
        #expect(c[2] == [5, 6.5])
        #expect(abs(result.objective - 41.37988571428572) < 1e-12)
    }

    @Test func eyesAndMouthIsNotAFixedPoint() throws {
        let eyesAndMouth: [[Double]] = [[3.5, 6.5], [6.5, 6.5], [5, 2.78]]
        let step = try kMeans(Datasets.smileyFace, initialCentroids: eyesAndMouth, maxIterations: 1).history[0]
        #expect(step.changedAssignments == 22)          // first pass: every point gets its first cluster
        #expect(step.assignments[8] == 0)               // left tip (2, 4) joins the left eye
        #expect(step.assignments[21] == 1)              // right tip (8, 4) joins the right eye
        #expect(step.assignments[0..<8] == (Array(repeating: 0, count: 4) + Array(repeating: 1, count: 4))[...])
        #expect(step.assignments[9..<21].allSatisfy { $0 == 2 })
    }
}
