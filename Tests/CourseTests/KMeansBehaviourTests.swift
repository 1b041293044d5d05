import Testing
@testable import Course

@Suite struct KMeansBehaviourTests {
    @Test func tiesGoToTheLowestClusterIndex() throws {
        // 1 is equally far from both centroids.
        let result = try kMeans([[0], [1], [2]], initialCentroids: [[0.5], [1.5]], maxIterations: 1)
        #expect(result.assignments == [0, 0, 1])
    }

    @Test func emptyClusterKeepsItsCentroid() throws {
        let result = try kMeans([[0], [1], [10]], initialCentroids: [[0], [1], [100]])
        #expect(result.history[0].assignments == [0, 1, 1])
        #expect(result.history[0].centroids == [[0], [5.5], [100]])
        #expect(result.centroids[2] == [100])
        #expect(result.assignments == [0, 0, 1])
        #expect(result.centroids == [[0.5], [10], [100]])
        #expect(result.objective == 0.5)
    }

    @Test func onePointAndIdenticalPoints() throws {
        let one = try kMeans([[3, 4]], initialCentroids: [[0, 0]])
        #expect(one.assignments == [0] && one.centroids == [[3, 4]] && one.objective == 0)
        var rng = SeededGenerator(seed: 7)
        let same = try kMeans(Array(repeating: [2.0, 2.0], count: 5), k: 1, using: &rng)
        #expect(same.assignments == [0, 0, 0, 0, 0] && same.centroids == [[2, 2]] && same.objective == 0)
    }

    @Test func kAboveDistinctPointsIsAClearError() {
        var rng = SeededGenerator(seed: 1)
        #expect(throws: ClusteringError("k = 2 clusters but the data have only 1 distinct point")) {
            try kMeans(Array(repeating: [1.0, 1.0], count: 4), k: 2, using: &rng)
        }
        #expect(throws: ClusteringError.self) { try kMeans([[1.0], [2.0]], k: 3, using: &rng) }
        #expect(throws: ClusteringError.self) { try kMeans([[1.0, 2.0], [2.0]], initialCentroids: [[1.0, 2.0]]) }
    }

    @Test func maxIterationsStopsEarlyAndStillMeasuresTheObjective() throws {
        let result = try kMeans(Datasets.threePoints, initialCentroids: [[1, 0.5], [2, 1]], maxIterations: 1)
        #expect(!result.converged && result.iterationCount == 1 && result.objective == 5.125)
        #expect(result.history.map(\.objective) == [5.125])
    }

    @Test func objectiveNeverIncreasesAndHistoryIsOptional() throws {
        var rng = SeededGenerator(seed: 3)
        let blobs = Datasets.gaussianBlobs(centers: [[0, 0], [5, 0], [0, 5], [5, 5]], perCluster: 50, std: 1.5, using: &rng)
        let start = Array(blobs.points[0..<4])
        let full = try kMeans(blobs.points, initialCentroids: start)
        let objectives = full.history.map(\.objective)
        #expect(zip(objectives, objectives.dropFirst()).allSatisfy { $1 <= $0 })
        let quiet = try kMeans(blobs.points, initialCentroids: start, recordHistory: false)
        #expect(quiet.history.isEmpty)
        #expect(quiet.assignments == full.assignments && quiet.centroids == full.centroids && quiet.objective == full.objective)
    }

    @Test func chunkedSweepMatchesADirectComputation() throws {
        // More points than one work chunk, so the parallel sums are exercised.
        var rng = SeededGenerator(seed: 11)
        let data = Datasets.gaussianBlobs(centers: [[0, 0, 0], [4, 4, 4], [8, 0, 4]], perCluster: 5000, std: 2, using: &rng)
        let start = [data.points[0], data.points[5000], data.points[10000]]
        let step = try kMeans(data.points, initialCentroids: start, maxIterations: 1)
        for (i, point) in data.points.enumerated() {
            let distances = start.map { squaredEuclideanDistance(point, $0) }
            #expect(step.assignments[i] == distances.firstIndex(of: distances.min()!)!)
        }
        for j in 0..<3 {
            let members = data.points.indices.filter { step.assignments[$0] == j }.map { data.points[$0] }
            for d in 0..<3 {
                let mean = members.map { $0[d] }.reduce(0, +) / Double(members.count)
                #expect(abs(step.centroids[j][d] - mean) < 1e-9)
            }
        }
        let objective = data.points.indices.map { squaredEuclideanDistance(data.points[$0], step.centroids[step.assignments[$0]]) }.reduce(0, +)
        #expect(abs(step.objective - objective) < 1e-6)
    }

    @Test func skippingWithBoundsGivesTheSameIterationsAsPlainLloyd() throws {
        // The library's readable Lloyd step against its bounded, chunked sweeps.
        var rng = SeededGenerator(seed: 17)
        let centres: [[Double]] = (0..<6).map { (j: Int) -> [Double] in
            let column = Double(j % 3), row = Double(j / 3)
            return [column * 4, row * 4, Double(j) / 2]
        }
        let data = Datasets.gaussianBlobs(centers: centres, perCluster: 700, std: 1.6, using: &rng).points
        var centroids = Array(data[0..<6])
        let result = try kMeans(data, initialCentroids: centroids, maxIterations: 40)
        #expect(result.history.count > 5)
        for step in result.history {
            let plain = lloydIteration(data, centroids: centroids)
            #expect(step.assignments == plain.assignments)
            centroids = plain.centroids
            for (ours, plain) in zip(step.centroids, centroids) {
                #expect(zip(ours, plain).allSatisfy { abs($0 - $1) < 1e-9 })
            }
        }
    }

    @Test func theReadableStepsFollowTheNotes() {
        let points: [[Double]] = [[0, 0], [1, 0], [4, 4], [5, 4]]
        let assignments = lloydAssignments(points, centroids: [[0, 0], [1, 0], [9, 9]])
        // (0, 0) is nearest centroid 0; (1, 0) centroid 1; (4, 4) and (5, 4) are nearer (1, 0)
        // (distances² 25 and 32) than (9, 9) (50 and 41).
        #expect(assignments == [0, 1, 1, 1])
        let moved = lloydCentroids(points, assignments: assignments, previous: [[0, 0], [1, 0], [9, 9]])
        #expect(moved == [[0, 0], [10.0 / 3, 8.0 / 3], [9, 9]])
        // A tie goes to the lower index.
        #expect(lloydAssignments([[1, 0]], centroids: [[0, 0], [2, 0]]) == [0])
    }

    @Test func seededRunsAreReproducible() throws {
        var a = SeededGenerator(seed: 5), b = SeededGenerator(seed: 5)
        let points = Datasets.smileyFace
        #expect(try kMeans(points, k: 3, using: &a) == kMeans(points, k: 3, using: &b))
    }
}
