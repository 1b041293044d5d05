import Foundation
import Testing
@testable import Course

/// Silhouette, PCA, k-medoids and DBSCAN on data small enough to work out by hand.
@Suite struct UnsupervisedToolsTests {
    @Test func silhouetteByHand() {
        // Clusters {0, 1} and {10}: for x = 0, a = 1, b = 10, s = 0.9; for x = 1, a = 1, b = 9,
        // s = 8/9; the singleton gets 0 by convention.
        let values = silhouetteValues([[0], [1], [10]], assignments: [0, 0, 1])
        #expect(abs(values[0] - 0.9) < 1e-12)
        #expect(abs(values[1] - 8.0 / 9) < 1e-12)
        #expect(values[2] == 0)
        #expect(abs(meanSilhouette([[0], [1], [10]], assignments: [0, 0, 1]) - (0.9 + 8.0 / 9) / 3) < 1e-12)
    }

    @Test func silhouetteIsNegativeForAMisplacedPoint() {
        // x = 9 put with {0, 1}: a = 8.5, b = 1 (its distance to 10), s = (1 − 8.5)/8.5 < 0.
        let values = silhouetteValues([[0], [1], [9], [10]], assignments: [0, 0, 0, 1])
        #expect(abs(values[2] - (1 - 8.5) / 8.5) < 1e-12)
    }

    @Test func principalComponentsOfALine() {
        // Points on the line y = 2x: one direction (1, 2)/√5 carries all the variance.
        let points = (0..<5).map { [Double($0), 2 * Double($0)] }
        let pca = PrincipalComponents(points, components: 2)
        #expect(abs(pca.directions[0][0] - 1 / 5.0.squareRoot()) < 1e-9)
        #expect(abs(pca.directions[0][1] - 2 / 5.0.squareRoot()) < 1e-9)
        #expect(abs(pca.variances[0] - 10) < 1e-9)   // Var(x) + Var(y) = 2 + 8
        #expect(abs(pca.variances[1]) < 1e-9)
        #expect(pca.mean == [2, 4])
        let projected = pca.project(points)
        #expect(abs(projected[0][0] + 2 * 5.0.squareRoot()) < 1e-9)
        #expect(projected.allSatisfy { abs($0[1]) < 1e-9 })
    }

    @Test func kMedoidsPicksDataPointsAndResistsAnOutlier() {
        // One cluster with an outlier: the mean is dragged to 20, the medoid stays at 1.
        let points: [[Double]] = [[0], [1], [2], [77]]
        var rng = SeededGenerator(seed: 1)
        let result = kMedoids(points, k: 1, using: &rng)
        #expect(result.medoids == [1])
        #expect(result.cost == 1 + 0 + 1 + 76)
    }

    @Test func kMedoidsSeparatesTwoGroups() {
        let points: [[Double]] = [[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10]]
        var rng = SeededGenerator(seed: 3)
        let result = kMedoids(points, k: 2, using: &rng)
        #expect(Set(result.assignments[0..<3]).count == 1)
        #expect(Set(result.assignments[3..<6]).count == 1)
        #expect(result.assignments[0] != result.assignments[3])
        #expect(Set(result.medoids) == [0, 3])
    }

    @Test func dbscanFindsChainsAndNoise() {
        // A chain 0, 1, 2, 3 (steps of 1), a pair at 10, 10.5 and a lone point at 30.
        let points: [[Double]] = [[0], [1], [2], [3], [10], [10.5], [30]]
        #expect(dbscan(points, epsilon: 1, minPoints: 2) == [0, 0, 0, 0, 1, 1, DBSCAN.noise])
        // With minPoints 3 the pair is too sparse; the chain's ends are border points.
        #expect(dbscan(points, epsilon: 1, minPoints: 3) == [0, 0, 0, 0, -1, -1, -1])
    }

    @Test func dbscanFollowsTheMoons() throws {
        var rng = SeededGenerator(seed: 445)
        let moons = Datasets.twoMoons(perMoon: 100, noise: 0.05, using: &rng)
        let labels = dbscan(moons.points, epsilon: 0.2, minPoints: 4)
        #expect(try clusteringAccuracy(truth: moons.labels, predicted: labels.map { max($0, 0) }) == 1)
    }
}
