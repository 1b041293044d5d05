import Foundation
import Testing
@testable import Course

@Suite struct MixtureTests {
    /// Three overlapping elongated blobs, so EM has real work to do.
    private func overlappingData(seed: UInt64) -> [[Double]] {
        var rng = SeededGenerator(seed: seed)
        let blobs = Datasets.gaussianBlobs(centers: [[0, 0], [2.5, 0.5], [1, 2.5]], perCluster: 120, std: 1, using: &rng)
        // Shear the points so the clusters are tilted ellipses, not circles.
        return blobs.points.map { [$0[0] + 0.6 * $0[1], $0[1]] }
    }

    @Test(arguments: [CovarianceType.full, .diagonal])
    func logLikelihoodNeverDecreases(type: CovarianceType) throws {
        for seed: UInt64 in [1, 2, 3] {
            var rng = SeededGenerator(seed: seed)
            let model = try GaussianMixture.fit(overlappingData(seed: seed), k: 3, covarianceType: type,
                                                maxIterations: 300, kMeansRestarts: 1, using: &rng)
            let history = model.logLikelihoodHistory
            #expect(history.count >= 3)
            for (before, after) in zip(history, history.dropFirst()) { #expect(after - before >= -1e-9) }
            #expect(abs(model.logLikelihood(overlappingData(seed: seed)) - history.last!) < 1e-6)
        }
    }

    @Test func recoversWellSeparatedComponents() throws {
        var rng = SeededGenerator(seed: 12)
        let data = Datasets.gaussianBlobs(centers: [[0, 0], [10, 0], [0, 10]], perCluster: 300, std: 1, using: &rng)
        let model = try GaussianMixture.fit(data.points, k: 3, using: &rng)
        #expect(model.converged)
        for centre in [[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]] {
            let k = model.means.indices.min { squaredEuclideanDistance(model.means[$0], centre) < squaredEuclideanDistance(model.means[$1], centre) }!
            #expect(squaredEuclideanDistance(model.means[k], centre) < 0.05)
            #expect(abs(model.weights[k] - 1.0 / 3) < 1e-6)            // every point is near-certain
            #expect(abs(model.covariances[k][0][0] - 1) < 0.2 && abs(model.covariances[k][0][1]) < 0.2)
        }
        let hard = model.hardAssignments(data.points)
        #expect(try adjustedRandIndex(truth: data.labels, predicted: hard) == 1)
    }

    @Test(arguments: [CovarianceType.full, .diagonal])
    func varianceFloorStopsCollapse(type: CovarianceType) throws {
        // One cluster lies on a vertical line: its x-variance is 0 without the floor.
        let onLine: [[Double]] = (0..<10).map { i in [1.0, Double(i)] }
        let spread: [[Double]] = (0..<10).map { i in [20.0 + Double(i % 3), 5.0 + Double(i % 4)] }
        let points = onLine + spread
        var rng = SeededGenerator(seed: 5)
        let model = try GaussianMixture.fit(points, k: 2, covarianceType: type, varianceFloor: 1e-3, using: &rng)
        let line = model.means.firstIndex { $0[0] < 10 }!
        #expect(abs(model.covariances[line][0][0] - 1e-3) < 1e-12)
        #expect(model.logLikelihoodHistory.allSatisfy { $0.isFinite })
        if type == .diagonal { #expect(model.covariances.allSatisfy { $0[0][1] == 0 && $0[1][0] == 0 }) }
    }

    @Test func softAndHardAssignmentsOnAHandBuiltMixture() throws {
        let model = try GaussianMixture(weights: [0.5, 0.5], means: [[-1], [1]], covariances: [[[1]], [[1]]])
        let gamma = model.responsibilities([[0], [1], [-3]])
        #expect(gamma[0] == [0.5, 0.5])
        // At x = 1: γ₂ = 1 / (1 + e^{-2}), since the log-density gap is ((1+1)² − 0²)/2 = 2.
        #expect(abs(gamma[1][1] - 1 / (1 + exp(-2))) < 1e-15)
        #expect(abs(gamma[2][0] - 1 / (1 + exp(-6))) < 1e-15)
        #expect(model.hardAssignments([[0], [1], [-3]]) == [0, 1, 0])   // the tie goes to 0
        for row in gamma { #expect(abs(row.reduce(0, +) - 1) < 1e-15) }
    }

    @Test func logDensityOfAStandardNormal() throws {
        let model = try GaussianMixture(weights: [1], means: [[0, 0]], covariances: [[[1, 0], [0, 1]]])
        #expect(abs(model.logLikelihood([[0, 0]]) + log(2 * Double.pi)) < 1e-15)
        let tilted = try GaussianMixture(weights: [1], means: [[0, 0]], covariances: [[[4, 2], [2, 3]]])
        // det Σ = 8; Σ⁻¹ = [[3, −2], [−2, 4]] / 8, so x = (1, 1) gives xᵀΣ⁻¹x = 3/8.
        #expect(abs(tilted.logLikelihood([[1, 1]]) - (-log(2 * Double.pi) - 0.5 * log(8) - 3.0 / 16)) < 1e-14)
    }

    @Test func choleskyAndEigenHelpers() {
        let l = choleskyFactor([4, 2, 2, 3], dimension: 2)!
        #expect(l[0] == 2 && l[1] == 0 && l[2] == 1 && abs(l[3] - 2.0.squareRoot()) < 1e-15)
        #expect(choleskyFactor([1, 2, 2, 1], dimension: 2) == nil)
        let (values, vectors) = symmetricEigen([2, 1, 1, 2], dimension: 2)
        #expect(values.sorted().enumerated().allSatisfy { abs($0.element - [1.0, 3.0][$0.offset]) < 1e-14 })
        #expect(abs(abs(vectors[0]) - 0.5.squareRoot()) < 1e-14)
        let floored = flooredCovariance([1, 1, 1, 1], dimension: 2, floor: 0.5)   // eigenvalues 0 and 2
        #expect(abs(floored[0] - 1.25) < 1e-14 && abs(floored[1] - 0.75) < 1e-14)
    }

    @Test func badMixturesAreErrors() {
        #expect(throws: ClusteringError.self) { try GaussianMixture(weights: [0.5], means: [[0]], covariances: [[[1]]]) }
        #expect(throws: ClusteringError.self) { try GaussianMixture(weights: [1], means: [[0]], covariances: [[[-1]]]) }
        var rng = SeededGenerator(seed: 1)
        #expect(throws: ClusteringError.self) { try GaussianMixture.fit([[1], [1]], k: 2, using: &rng) }
    }
}
