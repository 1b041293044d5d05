import Foundation
import Testing
@testable import Course

/// DEC end to end on a 300-digit subset with a small network, so the suite stays quick in a
/// debug build. The full 1,797-digit run and its scores live in Benchmarks/dec.
@Suite struct DECTests {
    static let subset: (pixels: [[Double]], labels: [Int]) = {
        let path = DatasetTests.repositoryRoot.appendingPathComponent("Data/digits.csv").path
        let digits = try! Digits.load(from: path)
        return (digits.pixels.prefix(300).map { $0.map { $0 / 16 } }, Array(digits.labels.prefix(300)))
    }()

    static var settings: DECSettings {
        var s = DECSettings()
        s.pretrainingEpochs = 6
        s.pretrainingBatchSize = 32
        s.kMeansRestarts = 3
        s.batchSize = 64
        s.targetUpdateInterval = 5
        s.maxIterations = 40
        return s
    }

    static func run(seed: Int, settings: DECSettings = settings) throws -> (DEC, DECResult) {
        var rng = SeededGenerator(seed: seed)
        let dec = DEC(clusters: 10, layerSizes: [64, 32, 10], settings: settings, using: &rng)
        return (dec, try dec.fit(subset.pixels, using: &rng))
    }

    @Test func fitProducesConsistentResults() throws {
        let (dec, result) = try Self.run(seed: 1)
        let s = Self.settings
        #expect(result.pretrainingLosses.count == s.pretrainingEpochs)
        #expect(result.pretrainingLosses.last! < result.pretrainingLosses.first!)
        #expect(result.pretrainedCodes.count == 300 && result.pretrainedCodes.allSatisfy { $0.count == 10 })
        #expect(result.kMeansOnCodes.assignments.count == 300)

        // Refreshes every T steps; the first compares with k-means on the same centroids.
        #expect(result.history.first?.iteration == 0 && result.history.first?.changedAssignments == 0)
        #expect(result.history.dropLast().allSatisfy { $0.iteration % s.targetUpdateInterval == 0 })
        #expect(result.history.allSatisfy { $0.loss >= 0 && $0.balance >= 0 })
        #expect(result.batchLosses.count == result.iterations)
        let last = result.history.last!
        if result.converged {
            #expect(Double(last.changedAssignments) < s.tolerance * 300 && last.iteration > 0)
        } else {
            #expect(result.iterations == s.maxIterations)
        }

        #expect(result.assignments.count == 300 && result.assignments.allSatisfy { (0..<10).contains($0) })
        #expect(result.softAssignments.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-12 })
        #expect(result.assignments == Tensor(result.softAssignments).argmaxPerRow())
        #expect(try dec.predict(Self.subset.pixels) == result.assignments)
        #expect(result.centroids == dec.centroids.array)
        // Training moved the centroids away from where k-means put them.
        #expect(result.centroids != result.kMeansOnCodes.centroids)
    }

    @Test func sameSeedSameRun() throws {
        let (_, a) = try Self.run(seed: 4)
        let (_, b) = try Self.run(seed: 4)
        #expect(a.assignments == b.assignments)
        #expect(a.batchLosses == b.batchLosses && a.history == b.history)
        #expect(a.codes == b.codes && a.centroids == b.centroids)
        let (_, c) = try Self.run(seed: 5)
        #expect(c.pretrainingLosses != a.pretrainingLosses)
    }

    @Test func balanceTermIsOptimisedWhenWeighted() throws {
        var s = Self.settings
        s.balanceWeight = 1
        let (_, weighted) = try Self.run(seed: 1, settings: s)
        let (_, plain) = try Self.run(seed: 1)
        // Same pretraining and k-means (same seed), different phase-2 losses.
        #expect(weighted.kMeansOnCodes == plain.kMeansOnCodes)
        #expect(weighted.batchLosses != plain.batchLosses)
    }

    @Test func phaseTwoLowersKLAgainstAFixedTarget() throws {
        // One refresh only (T beyond the cap) and full batches: every step descends the same
        // objective KL(P‖Q), so after 20 steps it must be lower than at the first.
        var s = Self.settings
        s.batchSize = 300
        s.targetUpdateInterval = 1_000
        s.maxIterations = 20
        let (_, result) = try Self.run(seed: 2, settings: s)
        #expect(result.batchLosses.count == 20)
        #expect(result.batchLosses.last! < result.batchLosses.first! * 0.99,
                "KL(P‖Q) went from \(result.batchLosses.first!) to \(result.batchLosses.last!)")
    }

    @Test func progressCallbacksSeeEveryEpochAndRefresh() throws {
        var rng = SeededGenerator(seed: 3)
        let dec = DEC(clusters: 10, layerSizes: [64, 32, 10], settings: Self.settings, using: &rng)
        var epochs: [Int] = [], losses: [Double] = [], refreshes: [DECRefresh] = []
        dec.afterPretrainingEpoch = { epochs.append($0); losses.append($1) }
        dec.afterRefresh = { refreshes.append($0) }
        let result = try dec.fit(Self.subset.pixels, using: &rng)
        #expect(epochs == Array(1...Self.settings.pretrainingEpochs))
        #expect(losses == result.pretrainingLosses)
        #expect(refreshes == result.history)
    }

    @Test func denoisingPretrainingDropsInputsAndStaysSeeded() throws {
        var rng = SeededGenerator(seed: 9)
        let ones = Tensor(rows: 100, cols: 50, data: [Double](repeating: 1, count: 5_000))
        let noisy = Autoencoder.corrupted(ones, dropping: 0.2, using: &rng)
        let dropped = noisy.data.filter { $0 == 0 }.count
        #expect((800...1_200).contains(dropped), "\(dropped) of 5,000 entries dropped, expected about 1,000")
        #expect(noisy.data.allSatisfy { $0 == 0 || abs($0 - 1.25) < 1e-15 })   // kept ones scaled by 1/(1 − p)

        var s = Self.settings
        s.pretrainingInputDropout = 0.2
        let (_, a) = try Self.run(seed: 6, settings: s)
        let (_, b) = try Self.run(seed: 6, settings: s)
        let (_, clean) = try Self.run(seed: 6)
        #expect(a.pretrainingLosses == b.pretrainingLosses && a.assignments == b.assignments)
        #expect(a.pretrainingLosses != clean.pretrainingLosses)
        s.pretrainingInputDropout = 1
        var rng2 = SeededGenerator(seed: 1)
        let dec = DEC(clusters: 10, layerSizes: [64, 32, 10], settings: s, using: &rng2)
        #expect(throws: ClusteringError.self) { try dec.fit(Self.subset.pixels, using: &rng2) }
    }

    @Test func defaultNetworkIsTheMeasuredOne() {
        var rng = SeededGenerator(seed: 1)
        let dec = DEC(clusters: 10, using: &rng)
        #expect(dec.autoencoder.layerSizes == [64, 256, 256, 512, 10])
        #expect(DECSettings().pretrainingEpochs == 60 && DECSettings().pretrainingBatchSize == 64)
        #expect(DECSettings().maxIterations == 2_000 && DECSettings().tolerance == 0.001)
    }

    @Test func badInputIsAClearError() throws {
        var rng = SeededGenerator(seed: 1)
        let dec = DEC(clusters: 2, layerSizes: [3, 2], settings: Self.settings, using: &rng)
        #expect(throws: ClusteringError("DEC: rows have 2 values but the autoencoder expects 3")) {
            try dec.fit([[1, 2], [3, 4]], using: &rng)
        }
        #expect(throws: ClusteringError.self) { try dec.fit([], using: &rng) }
        #expect(throws: ClusteringError.self) { try dec.fit([[1, 2, .nan]], using: &rng) }
        // Identical points give identical codes: two clusters cannot be found.
        #expect(throws: ClusteringError("k = 2 clusters but the data have only 1 distinct point")) {
            try dec.fit(Array(repeating: [1, 2, 3], count: 5), using: &rng)
        }
        dec.settings.targetUpdateInterval = 0
        #expect(throws: ClusteringError.self) { try dec.fit([[1, 2, 3], [4, 5, 6]], using: &rng) }
    }
}
