import Testing
@testable import Course

@Suite struct KMeansInitialisationTests {
    @Test func kMeansPlusPlusPicksDistinctDataPoints() throws {
        var rng = SeededGenerator(seed: 2)
        let points = try Points(Datasets.smileyFace)
        for _ in 0..<20 {
            let centres = try kMeansPlusPlusCentroids(points, k: 5, using: &rng).rows
            #expect(Set(centres).count == 5)
            #expect(centres.allSatisfy { Datasets.smileyFace.contains($0) })
        }
    }

    @Test func kMeansPlusPlusNeverPicksAZeroDistancePoint() throws {
        // Three copies of one point and one far point: the second centre must be the far one.
        var rng = SeededGenerator(seed: 9)
        let points = try Points([[0, 0], [0, 0], [0, 0], [9, 9]])
        for _ in 0..<20 {
            let centres = try kMeansPlusPlusCentroids(points, k: 2, using: &rng).rows
            #expect(Set(centres) == [[0, 0], [9, 9]])
        }
    }

    @Test func kMeansPlusPlusSamplesInProportionToSquaredDistance() throws {
        // First centre forced to 0 by making it the only choice left: points 0, 1, 3 with
        // D² = 0, 1, 9 from centre 0 → P(1) = 0.1, P(3) = 0.9.
        let points = try Points([[0], [1], [3]])
        var picks = [0.0: 0, 1.0: 0, 3.0: 0]
        var rng = SeededGenerator(seed: 4)
        var trials = 0
        while trials < 4000 {
            let centres = try kMeansPlusPlusCentroids(points, k: 2, using: &rng).rows
            guard centres[0] == [0] else { continue }
            picks[centres[1][0], default: 0] += 1
            trials += 1
        }
        let share = Double(picks[1]!) / Double(trials)
        #expect(picks[0] == 0)
        #expect(abs(share - 0.1) < 0.02)
    }

    @Test func badStartSplitsTheRectanglesTheWrongWay() throws {
        var rng = SeededGenerator(seed: 445)
        // Rectangles [0, 10] × [0, 1] and [0, 10] × [6, 7].
        let data = Datasets.twoRectangles(perRectangle: 200, gap: 5, using: &rng)
        let wrong = try kMeans(data.points, initialCentroids: [[2.5, 3.5], [7.5, 3.5]])
        let right = try kMeans(data.points, initialCentroids: [[5, 0.5], [5, 6.5]])
        #expect(wrong.converged && right.converged)
        // The bad start ends in a vertical cut: each cluster holds points of both rectangles.
        #expect(try adjustedRandIndex(truth: data.labels, predicted: wrong.assignments) < 0.05)
        #expect(try adjustedRandIndex(truth: data.labels, predicted: right.assignments) == 1)
        #expect(wrong.objective > 1.25 * right.objective)
    }

    @Test func noStartSeparatesTheMoons() throws {
        var rng = SeededGenerator(seed: 445)
        let data = Datasets.twoMoons(perMoon: 150, noise: 0.05, using: &rng)
        let best = try kMeans(data.points, k: 2, restarts: 20, using: &rng)
        // Even the best objective of twenty starts leaves many points with the wrong moon.
        #expect(try clusteringAccuracy(truth: data.labels, predicted: best.assignments) < 0.9)
        // Even starting from the true moons' means, Lloyd drifts to a straight cut.
        let fromTruth = try kMeans(data.points, initialCentroids: meanOfEachLabel(data))
        #expect(try clusteringAccuracy(truth: data.labels, predicted: fromTruth.assignments) < 0.9)
    }

    @Test func kMeansPlusPlusBeatsRandomStartsOnAverage() throws {
        var rng = SeededGenerator(seed: 21)
        let centres = (0..<8).map { [Double($0 % 4) * 10, Double($0 / 4) * 10] }
        let data = Datasets.gaussianBlobs(centers: centres, perCluster: 30, std: 1, using: &rng)
        let comparison = try compareSeedings(Points(data.points), k: 8, seeds: Array(1...40))
        #expect(comparison.randomPoints.runs == 40)
        #expect(comparison.kMeansPlusPlus.mean < comparison.randomPoints.mean)
        #expect(comparison.kMeansPlusPlus.worst <= comparison.randomPoints.worst)
        #expect(comparison.kMeansPlusPlus.best <= comparison.kMeansPlusPlus.mean)
    }

    @Test func elbowCurveFallsAndBendsAtTheTrueK() throws {
        var rng = SeededGenerator(seed: 8)
        let data = Datasets.gaussianBlobs(centers: [[0, 0], [10, 0], [0, 10]], perCluster: 40, std: 0.8, using: &rng)
        let curve = try elbowCurve(Points(data.points), maxK: 6, using: &rng)
        #expect(curve.map(\.k) == [1, 2, 3, 4, 5, 6])
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $1.objective <= $0.objective })
        // The drop into k = 3 is far larger than any later one.
        #expect(curve[1].objective - curve[2].objective > 10 * (curve[2].objective - curve[3].objective))
    }

    private func meanOfEachLabel(_ data: (points: [[Double]], labels: [Int])) -> [[Double]] {
        (0..<2).map { label in
            let members = data.points.indices.filter { data.labels[$0] == label }.map { data.points[$0] }
            return [0, 1].map { d in members.map { $0[d] }.reduce(0, +) / Double(members.count) }
        }
    }
}
