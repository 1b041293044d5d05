// DEC on all 1,797 UCI digits with a fixed seed: ACC, NMI and ARI for k-means on the pixels,
// k-means on the pretrained autoencoder's codes, and DEC, plus the seconds each stage took.
// Built and run by run.sh; prints `name value` lines (see BENCHMARKS.md), then one JSON line.
// The network is DEC.digitsLayerSizes and the knobs DECSettings' defaults unless overridden:
//   DEC_LAYERS=64-500-500-2000-10 (the paper's) DEC_EPOCHS=… DEC_PRETRAIN_BATCH=… DEC_PRETRAIN_LR=…
//   DEC_DROPOUT=… DEC_RESTARTS=… DEC_LR=… DEC_MOMENTUM=… DEC_BATCH=… DEC_INTERVAL=… DEC_TOL=…
//   DEC_MAX_ITERATIONS=… DEC_SCALE=… (pixels are multiplied by it; 1/16 by default)
import Course
import Foundation
setvbuf(stdout, nil, _IOLBF, 0)   // line by line, so a long run can be watched

let arguments = CommandLine.arguments
let path = arguments.count > 1 ? arguments[1] : "Data/digits.csv"
let seed = arguments.count > 2 ? Int(arguments[2])! : 1
let balanceWeight = arguments.count > 3 ? Double(arguments[3])! : 0

let environment = ProcessInfo.processInfo.environment
func knob<T: LosslessStringConvertible>(_ name: String, _ fallback: T) -> T {
    environment[name].flatMap { T($0) } ?? fallback
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var summary: [String: [String: Double]] = [:]
func report(_ name: String, _ truth: [Int], _ predicted: [Int]) throws {
    let acc = try clusteringAccuracy(truth: truth, predicted: predicted)
    let nmi = try normalizedMutualInformation(truth: truth, predicted: predicted)
    let ari = try adjustedRandIndex(truth: truth, predicted: predicted)
    print(String(format: "%@.acc %.4f\n%@.nmi %.4f\n%@.ari %.4f", name, acc, name, nmi, name, ari))
    summary[name] = ["acc": acc, "nmi": nmi, "ari": ari]
}

let digits = try Digits.load(from: path)
let pixelScale: Double = knob("DEC_SCALE", 1.0 / 16)
let scaled = digits.pixels.map { $0.map { $0 * pixelScale } }
print("digits.count \(digits.count)")
print("seed \(seed)")
print("balance_weight \(balanceWeight)")

var pixelRNG = SeededGenerator(seed: seed)
var pixelRun: KMeansResult!
let pixelSeconds = try seconds {
    pixelRun = try kMeans(scaled, k: 10, restarts: 20, recordHistory: false, using: &pixelRNG)
}
try report("kmeans_pixels", digits.labels, pixelRun.assignments)
print(String(format: "kmeans_pixels.seconds %.3f", pixelSeconds))
summary["kmeans_pixels"]!["seconds"] = pixelSeconds

var rng = SeededGenerator(seed: seed)
var settings = DECSettings()
settings.balanceWeight = balanceWeight
settings.pretrainingEpochs = knob("DEC_EPOCHS", settings.pretrainingEpochs)
settings.pretrainingBatchSize = knob("DEC_PRETRAIN_BATCH", settings.pretrainingBatchSize)
settings.pretrainingLearningRate = knob("DEC_PRETRAIN_LR", settings.pretrainingLearningRate)
settings.learningRate = knob("DEC_LR", settings.learningRate)
settings.targetUpdateInterval = knob("DEC_INTERVAL", settings.targetUpdateInterval)
settings.maxIterations = knob("DEC_MAX_ITERATIONS", settings.maxIterations)
settings.batchSize = knob("DEC_BATCH", settings.batchSize)
settings.momentum = knob("DEC_MOMENTUM", settings.momentum)
settings.tolerance = knob("DEC_TOL", settings.tolerance)
settings.kMeansRestarts = knob("DEC_RESTARTS", settings.kMeansRestarts)
settings.pretrainingInputDropout = knob("DEC_DROPOUT", settings.pretrainingInputDropout)
let layers = knob("DEC_LAYERS", DEC.digitsLayerSizes.map(String.init).joined(separator: "-")).split(separator: "-").map { Int($0)! }
print("dec.layers \(layers.map(String.init).joined(separator: "-"))")
print("dec.settings \(settings)")
let dec = DEC(clusters: 10, layerSizes: layers, settings: settings, using: &rng)
var result: DECResult!
let decStart = DispatchTime.now().uptimeNanoseconds
var codesSeconds = 0.0
dec.afterInitialClustering = { codesSeconds = Double(DispatchTime.now().uptimeNanoseconds - decStart) / 1e9 }
func sinceStart() -> Double { Double(DispatchTime.now().uptimeNanoseconds - decStart) / 1e9 }
dec.afterPretrainingEpoch = { epoch, loss in
    if epoch % 10 == 0 { print(String(format: "pretrain.epoch %d mse=%.5f t=%.1f", epoch, loss, sinceStart())) }
}
// DEC_WATCH=1 also scores the assignments at every refresh (a forward pass over the data each
// time: for tuning, not for timing).
let watch = knob("DEC_WATCH", 0) != 0
dec.afterRefresh = { refresh in
    var scores = ""
    if watch, let now = try? dec.predict(scaled) {
        scores = String(format: " acc=%.4f nmi=%.4f", (try? clusteringAccuracy(truth: digits.labels, predicted: now)) ?? .nan,
                        (try? normalizedMutualInformation(truth: digits.labels, predicted: now)) ?? .nan)
    }
    print(String(format: "dec.refresh iteration=%d kl=%.5f balance=%.5f changed=%d t=%.1f",
                 refresh.iteration, refresh.loss, refresh.balance, refresh.changedAssignments, sinceStart()) + scores)
}
let decSeconds = try seconds { result = try dec.fit(scaled, using: &rng) }
print(String(format: "autoencoder.final_reconstruction_mse %.5f", result.pretrainingLosses.last ?? .nan))
try report("ae_kmeans", digits.labels, result.kMeansOnCodes.assignments)
try report("dec", digits.labels, result.assignments)
print("dec.iterations \(result.iterations)")
print("dec.converged \(result.converged)")
print("dec.refreshes \(result.history.count)")
print(String(format: "dec.total_seconds %.2f", decSeconds))
summary["ae_kmeans"]!["seconds"] = codesSeconds
summary["dec"]!["seconds"] = decSeconds   // the whole run: pretraining, k-means on codes, clustering
// CPU time of the whole process (all threads): on a loaded machine wall time mostly measures
// the other processes.
var usage = rusage()
getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
let cpuSeconds = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
print(String(format: "process.cpu_seconds %.2f", cpuSeconds))
// The load average (1 minute) at the end: how many other processes shared the 2 cores.
var loads = [Double](repeating: 0, count: 3)
getloadavg(&loads, 3)
print("process.kernel \(matrixProductKernel) threads \(matrixProductThreads)")
summary["process"] = ["cpu_seconds": cpuSeconds, "load_average": loads[0], "threads": Double(matrixProductThreads)]
let json = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
