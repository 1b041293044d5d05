/// Deep Embedded Clustering (Xie, Girshick and Farhadi, 2016): learn a code space and the
/// clusters in it together.
///
/// `fit` runs the method's three stages:
/// 1. pretrain an autoencoder on reconstruction error (MSE, Adam, minibatches);
/// 2. encode the data and run k-means on the codes z_i (20 restarts) for the first centroids μ_j;
/// 3. drop the decoder and train the encoder and the centroids jointly on KL(P‖Q), where Q are
///    the Student-t soft assignments and P their sharpened target; P is recomputed every T
///    steps, and the run stops at a refresh where fewer than tol · n points changed cluster.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let dec = DEC(clusters: 10, using: &rng)        // the 64-256-256-512-10 network
/// let result = try dec.fit(pixels, using: &rng)   // result.assignments, result.history
/// ```
///
/// Everything random (weights, minibatches, k-means starts) comes from the generator passed
/// in, so a seed fixes the outcome. Scale the inputs first (the digits' 0–16 pixels by 1/16).
public final class DEC {
    /// k, the number of clusters.
    public let clusters: Int
    /// The run's knobs; change them before `fit`.
    public var settings: DECSettings
    /// The autoencoder; after `fit` its encoder is the one trained on KL(P‖Q).
    public let autoencoder: Autoencoder
    /// μ, one centroid per row (k × code size): a parameter, trained with the encoder.
    public let centroids: Tensor

    /// Called once phases 1 and 2 are done (pretraining, k-means on the codes), before the
    /// clustering phase: a benchmark times the stages with it.
    public var afterInitialClustering: (() -> Void)?
    /// Called after every pretraining epoch with its number (from 1) and mean reconstruction
    /// error: for a progress line in a long run.
    public var afterPretrainingEpoch: ((Int, Double) -> Void)?
    /// Called after every refresh of P in phase 2, with what `DECResult.history` will record.
    public var afterRefresh: ((DECRefresh) -> Void)?

    /// The default network for the 64-pixel digits, 64-256-256-512-10: the paper's
    /// d-500-500-2000-10 shape (two wide layers, a wider one, a 10-number code) at about a quarter
    /// of its width. On the course's 2-core machine the paper's own network took 248 s for a whole
    /// run with these settings (one seed, ACC 0.835, NMI 0.814); this one reaches ACC and NMI above
    /// 0.80 on the 1,797 digits for five seeds in 33–38 s of CPU (Benchmarks/dec, BENCHMARKS.md).
    public static let digitsLayerSizes = [64, 256, 256, 512, 10]

    /// A DEC model for k = `clusters` with an autoencoder of `layerSizes`, its weights and the
    /// centroids drawn from `rng`.
    public init(clusters: Int, layerSizes: [Int] = DEC.digitsLayerSizes, settings: DECSettings = DECSettings(),
                using rng: inout some RandomNumberGenerator) {
        precondition(clusters >= 1, "DEC: need at least one cluster")
        self.clusters = clusters
        self.settings = settings
        autoencoder = Autoencoder(layerSizes: layerSizes, using: &rng)
        centroids = Tensor.zeros(clusters, layerSizes.last!, requiresGrad: true)
        centroids.label = "centroids"
    }

    /// The soft assignments Q of the rows of `x` under the current encoder and centroids.
    public func softAssignments(_ x: Tensor) -> Tensor {
        studentTAssignments(codes: autoencoder.encode(x.detached()).detached(), centroids: centroids.detached(),
                            degreesOfFreedom: settings.degreesOfFreedom)
    }

    /// The cluster of every row of `data`: argmax_j q_ij.
    public func predict(_ data: [[Double]]) throws -> [Int] {
        softAssignments(try validated(data)).argmaxPerRow()
    }

    /// Runs all three stages on `data` (one example per row). See the type's description.
    /// - Throws: `ClusteringError` for empty data, rows of the wrong length or non-finite
    ///   values, fewer distinct codes than clusters, or settings out of range.
    public func fit(_ data: [[Double]], using rng: inout some RandomNumberGenerator) throws -> DECResult {
        let x = try validated(data)
        try validateSettings()
        let s = settings, n = x.rows

        let pretrainingLosses = autoencoder.pretrain(x, epochs: s.pretrainingEpochs, batchSize: s.pretrainingBatchSize,
                                                     learningRate: s.pretrainingLearningRate,
                                                     inputDropout: s.pretrainingInputDropout, using: &rng,
                                                     afterEpoch: afterPretrainingEpoch)
        let pretrainedCodes = autoencoder.encode(x).detached()
        let start = try kMeans(Points(count: n, dimension: pretrainedCodes.cols, values: pretrainedCodes.data),
                               k: clusters, restarts: s.kMeansRestarts, recordHistory: false, using: &rng)
        centroids.data = start.centroids.flatMap { $0 }
        afterInitialClustering?()

        let optimizer = SGD(autoencoder.encoderParameters + [centroids], learningRate: s.learningRate, momentum: s.momentum)
        var sampler = MiniBatchSampler(count: n, batchSize: s.batchSize)
        var history: [DECRefresh] = [], batchLosses: [Double] = []
        var previous = start.assignments
        var target = Tensor.zeros(n, clusters)
        var converged = false
        var iteration = 0
        while true {
            if iteration % s.targetUpdateInterval == 0 || iteration == s.maxIterations {
                let q = softAssignments(x)
                target = targetDistribution(q)
                let current = q.argmaxPerRow()
                let changed = zip(current, previous).filter { $0 != $1 }.count
                history.append(DECRefresh(iteration: iteration, loss: clusterHardeningLoss(target: target, soft: q).item,
                                          balance: balanceLoss(soft: q).item, changedAssignments: changed,
                                          changedFraction: Double(changed) / Double(n)))
                afterRefresh?(history.last!)
                previous = current
                // The first refresh compares Q with k-means on the same centroids; they agree
                // by construction (q_ij falls with distance), so it cannot be the stopping point.
                if iteration > 0 && Double(changed) < s.tolerance * Double(n) { converged = true; break }
            }
            if iteration == s.maxIterations { break }
            let batch = sampler.next(using: &rng)
            let q = studentTAssignments(codes: autoencoder.encode(x.gatheredRows(batch)), centroids: centroids,
                                        degreesOfFreedom: s.degreesOfFreedom)
            var loss = clusterHardeningLoss(target: target.gatheredRows(batch), soft: q)
            if s.balanceWeight != 0 { loss = loss + balanceLoss(soft: q) * s.balanceWeight }
            optimizer.zeroGrad()
            loss.backward()
            optimizer.step()
            batchLosses.append(loss.item)
            iteration += 1
        }

        let finalCodes = autoencoder.encode(x).detached()
        let q = softAssignments(x)
        return DECResult(pretrainingLosses: pretrainingLosses, pretrainedCodes: pretrainedCodes.array,
                         kMeansOnCodes: start, history: history, batchLosses: batchLosses,
                         iterations: iteration, converged: converged, softAssignments: q.array,
                         assignments: q.argmaxPerRow(), codes: finalCodes.array, centroids: centroids.detached().array)
    }

    private func validated(_ data: [[Double]]) throws -> Tensor {
        let points = try Points(data)   // rejects empty data, ragged rows, NaN and ∞
        guard points.dimension == autoencoder.inputSize else {
            throw ClusteringError("DEC: rows have \(points.dimension) values but the autoencoder expects \(autoencoder.inputSize)")
        }
        return Tensor(rows: points.count, cols: points.dimension, data: points.values)
    }

    private func validateSettings() throws {
        let s = settings
        guard s.degreesOfFreedom > 0 else { throw ClusteringError("DEC: ν must be positive (got \(s.degreesOfFreedom))") }
        guard s.pretrainingEpochs >= 0, s.pretrainingBatchSize >= 1, s.batchSize >= 1 else {
            throw ClusteringError("DEC: epochs must be ≥ 0 and batch sizes ≥ 1")
        }
        guard s.pretrainingInputDropout >= 0 && s.pretrainingInputDropout < 1 else {
            throw ClusteringError("DEC: the input dropout must be in [0, 1) (got \(s.pretrainingInputDropout))")
        }
        guard s.targetUpdateInterval >= 1, s.maxIterations >= 0, s.tolerance >= 0 else {
            throw ClusteringError("DEC: need T ≥ 1, maxIterations ≥ 0 and tol ≥ 0")
        }
    }
}
