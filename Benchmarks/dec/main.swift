// DEC on all 1,797 UCI digits with a fixed seed: ACC, NMI and ARI for k-means on the pixels,
// k-means on the pretrained autoencoder's codes, and DEC, plus the seconds each stage took.
// Built and run by run.sh; prints `name value` lines (see BENCHMARKS.md).
import Course
import Foundation

let arguments = CommandLine.arguments
let path = arguments.count > 1 ? arguments[1] : "Data/digits.csv"
let seed = arguments.count > 2 ? Int(arguments[2])! : 1
let balanceWeight = arguments.count > 3 ? Double(arguments[3])! : 0

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func report(_ name: String, _ truth: [Int], _ predicted: [Int]) throws {
    let acc = try clusteringAccuracy(truth: truth, predicted: predicted)
    let nmi = try normalizedMutualInformation(truth: truth, predicted: predicted)
    let ari = try adjustedRandIndex(truth: truth, predicted: predicted)
    print(String(format: "%@.acc %.4f\n%@.nmi %.4f\n%@.ari %.4f", name, acc, name, nmi, name, ari))
}

let digits = try Digits.load(from: path)
let scaled = digits.pixels.map { $0.map { $0 / 16 } }
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

var rng = SeededGenerator(seed: seed)
var settings = DECSettings()
settings.balanceWeight = balanceWeight
let dec = DEC(clusters: 10, layerSizes: [64, 128, 64, 10], settings: settings, using: &rng)
var result: DECResult!
let decSeconds = try seconds { result = try dec.fit(scaled, using: &rng) }
print(String(format: "autoencoder.final_reconstruction_mse %.5f", result.pretrainingLosses.last ?? .nan))
try report("kmeans_codes", digits.labels, result.kMeansOnCodes.assignments)
try report("dec", digits.labels, result.assignments)
print("dec.iterations \(result.iterations)")
print("dec.converged \(result.converged)")
print("dec.refreshes \(result.history.count)")
for refresh in result.history {
    print(String(format: "dec.refresh iteration=%d kl=%.5f balance=%.5f changed=%d",
                 refresh.iteration, refresh.loss, refresh.balance, refresh.changedAssignments))
}
print(String(format: "dec.total_seconds %.2f", decSeconds))
