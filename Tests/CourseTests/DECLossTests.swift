import Foundation
import Testing
@testable import Course

/// The pieces of DEC's clustering loss: soft assignments Q, the target P, KL(P‖Q), KL(G‖U).
@Suite struct DECLossTests {
    static func random(_ rows: Int, _ cols: Int, seed: Int, low: Double = -1, high: Double = 1) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.uniform(rows, cols, low, high, using: &rng)
    }

    @Test func studentTOnAHandExample() {
        // z = (0, 0); μ₁ = (1, 0) at squared distance 1, μ₂ = (0, 2) at 4. With ν = 1 the
        // kernels are 1/2 and 1/5, so q = (1/2, 1/5)/(7/10) = (5/7, 2/7).
        let q = studentTAssignments(codes: Tensor([[0, 0]]), centroids: Tensor([[1, 0], [0, 2]]))
        #expect(abs(q[0, 0] - 5.0 / 7) < 1e-15 && abs(q[0, 1] - 2.0 / 7) < 1e-15)
        // ν = 3: kernels (1 + d/3)^(−2) = (3/4)² and (3/7)², i.e. 9/16 and 9/49.
        let q3 = studentTAssignments(codes: Tensor([[0, 0]]), centroids: Tensor([[1, 0], [0, 2]]), degreesOfFreedom: 3)
        let total = 9.0 / 16 + 9.0 / 49
        #expect(abs(q3[0, 0] - 9.0 / 16 / total) < 1e-15)
    }

    @Test func softAssignmentRowsAreDistributionsFavouringNearCentroids() {
        let z = Self.random(40, 5, seed: 1, low: -3, high: 3), mu = Self.random(6, 5, seed: 2, low: -3, high: 3)
        let q = studentTAssignments(codes: z, centroids: mu)
        let d = z.squaredDistances(to: mu)
        for i in 0..<40 {
            let row = q.array[i]
            #expect(abs(row.reduce(0, +) - 1) < 1e-12)
            #expect(row.allSatisfy { $0 > 0 && $0 < 1 })
            // Largest q exactly where the centroid is nearest.
            #expect(q.argmaxPerRow()[i] == d.array[i].indices.min { d[i, $0] < d[i, $1] })
        }
    }

    @Test func squaredDistancesAreExact() {
        let d = Tensor([[1, 2], [0, 0]]).squaredDistances(to: Tensor([[1, 2], [4, 6], [-1, 1]]))
        #expect(d.array == [[0, 25, 5], [5, 52, 2]])
    }

    @Test func targetOnAHandExample() {
        // f = (1.1, 0.9). Row 1: (0.64/1.1, 0.04/0.9) normalised = (0.576, 0.044)/0.62 = (144, 11)/155;
        // row 2: (0.09/1.1, 0.49/0.9) normalised = (0.081, 0.539)/0.62.
        let p = targetDistribution(Tensor([[0.8, 0.2], [0.3, 0.7]]))
        let expected = [[144.0 / 155, 11.0 / 155], [81.0 / 620, 539.0 / 620]]
        for i in 0..<2 { for j in 0..<2 { #expect(abs(p[i, j] - expected[i][j]) < 1e-15) } }
        #expect(!p.requiresGrad)
    }

    @Test func targetIsSharperThanQWhenClustersAreEqualSized() {
        // Each row together with all its cyclic rotations makes every f_j the same; then
        // p_ij = q_ij² / Σ_j' q_ij'², and max p = q_max² / Σ q² ≥ q_max because Σ q² ≤ q_max Σ q.
        let base = studentTAssignments(codes: Self.random(30, 3, seed: 3), centroids: Self.random(4, 3, seed: 4))
        let rotations = (0..<4).map { shift in Tensor(base.array.map { Array($0[shift...] + $0[..<shift]) }) }
        let q = Tensor.concatRows(rotations)
        let p = targetDistribution(q)
        for i in 0..<q.rows {
            #expect(abs(p.array[i].reduce(0, +) - 1) < 1e-12)
            #expect(p.array[i].max()! >= q.array[i].max()! - 1e-15)
            #expect(p.argmaxPerRow()[i] == q.argmaxPerRow()[i])
        }
    }

    @Test func klDivergenceIsNonNegativeAndZeroOnlyAtTheTarget() {
        #expect(abs(clusterHardeningLoss(target: Tensor([[1, 0]]), soft: Tensor([[0.5, 0.5]])).item - log(2)) < 1e-15)
        for seed in 0..<20 {
            let q = studentTAssignments(codes: Self.random(10, 4, seed: seed), centroids: Self.random(5, 4, seed: 100 + seed))
            let p = targetDistribution(q)
            #expect(clusterHardeningLoss(target: p, soft: q).item > 0)
            #expect(abs(clusterHardeningLoss(target: q, soft: q).item) < 1e-15)
            #expect(balanceLoss(soft: q).item >= 0)
        }
    }

    @Test func balanceTermOnHandExamples() {
        // All points in cluster 1 of 2: G = (1, 0), KL(G‖U) = log 2. Even use: 0.
        #expect(abs(balanceLoss(soft: Tensor([[1, 0], [1, 0]])).item - log(2)) < 1e-15)
        #expect(abs(balanceLoss(soft: Tensor([[0.9, 0.1], [0.1, 0.9]])).item) < 1e-15)
        // G = (0.75, 0.25): 0.75 log 1.5 + 0.25 log 0.5.
        let g = balanceLoss(soft: Tensor([[1, 0], [0.5, 0.5]])).item
        #expect(abs(g - (0.75 * log(1.5) + 0.25 * log(0.5))) < 1e-15)
    }

    @Test func gradientsMatchCentralDifferences() {
        let z = Self.random(7, 3, seed: 5, low: -2, high: 2), mu = Self.random(4, 3, seed: 6, low: -2, high: 2)
        let p = targetDistribution(studentTAssignments(codes: z, centroids: mu))
        let checks: [GradientCheckResult] = [
            gradientCheck([z, mu]) { $0[0].squaredDistances(to: $0[1]) },
            gradientCheck([z, mu]) { studentTAssignments(codes: $0[0], centroids: $0[1]) },
            gradientCheck([z, mu]) { studentTAssignments(codes: $0[0], centroids: $0[1], degreesOfFreedom: 2.5) },
            gradientCheck([z, mu]) { clusterHardeningLoss(target: p, soft: studentTAssignments(codes: $0[0], centroids: $0[1])) },
            gradientCheck([z, mu]) { balanceLoss(soft: studentTAssignments(codes: $0[0], centroids: $0[1])) },
        ]
        for check in checks { #expect(check.maxRelativeError < 1e-7) }
    }

    /// Xie et al. give the gradient in closed form (for ν = 1 and the loss summed over i):
    ///     ∂L/∂z_i =  2 Σ_j (1 + ‖z_i − μ_j‖²)⁻¹ (p_ij − q_ij)(z_i − μ_j)
    ///     ∂L/∂μ_j = −2 Σ_i (1 + ‖z_i − μ_j‖²)⁻¹ (p_ij − q_ij)(z_i − μ_j)
    /// Our loss is the mean over i, so backpropagation must give these divided by n.
    @Test func gradientMatchesThePapersClosedForm() {
        let n = 9, k = 4, d = 3
        let z = Self.random(n, d, seed: 7, low: -2, high: 2).requiringGrad()
        let mu = Self.random(k, d, seed: 8, low: -2, high: 2).requiringGrad()
        let q = studentTAssignments(codes: z, centroids: mu)
        let p = targetDistribution(q)
        clusterHardeningLoss(target: p, soft: q).backward()
        var gz = [Double](repeating: 0, count: n * d), gmu = [Double](repeating: 0, count: k * d)
        for i in 0..<n {
            for j in 0..<k {
                var distance = 0.0
                for c in 0..<d { distance += (z[i, c] - mu[j, c]) * (z[i, c] - mu[j, c]) }
                let weight = 2 / (1 + distance) * (p[i, j] - q[i, j]) / Double(n)
                for c in 0..<d {
                    gz[i * d + c] += weight * (z[i, c] - mu[j, c])
                    gmu[j * d + c] -= weight * (z[i, c] - mu[j, c])
                }
            }
        }
        for (a, b) in zip(z.grad, gz) { #expect(abs(a - b) < 1e-14) }
        for (a, b) in zip(mu.grad, gmu) { #expect(abs(a - b) < 1e-14) }
    }

    @Test func miniBatchesCoverEveryRowOncePerEpoch() {
        var rng = SeededGenerator(seed: 9)
        var sampler = MiniBatchSampler(count: 10, batchSize: 4)
        for _ in 0..<3 {
            var epoch: [Int] = []
            repeat { epoch += sampler.next(using: &rng) } while !sampler.startsEpoch
            #expect(epoch.count == 10 && Set(epoch) == Set(0..<10))
        }
    }
}
