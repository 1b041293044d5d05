// Benchmarks for the clustering part of the course library (not a test: it prints figures).
//
//   course-bench-kmeans kmeans [points] [iterations] [export-prefix]
//       Lloyd iterations on `points` × 8 dimensions, k = 16, from fixed initial centroids.
//       With an export prefix, also writes PREFIX.points.f64 / PREFIX.centroids.f64 (raw
//       little-endian float64) so bench_sklearn.py can run scikit-learn on the same problem.
//   course-bench-kmeans hungarian [size]
//       The Hungarian algorithm on a size × size matrix of uniform costs.
import Course
import Foundation

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // Linux reports kilobytes
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func writeRaw(_ values: [Double], to path: String) throws {
    try values.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
}

func benchmarkKMeans(pointCount: Int, iterations: Int, exportPrefix: String?) throws {
    let dimension = 8, k = 16
    let baseline = peakResidentMegabytes()
    var rng = SeededGenerator(seed: 2024)
    // 16 overlapping Gaussian blobs, so Lloyd keeps moving points for many iterations.
    let centres = (0..<(k * dimension)).map { _ in uniform(0, 10, using: &rng) }
    var values = [Double](repeating: 0, count: pointCount * dimension)
    for i in 0..<pointCount {
        let blob = i % k
        for d in 0..<dimension { values[i * dimension + d] = centres[blob * dimension + d] + normal(std: 2, using: &rng) }
    }
    let points = try Points(count: pointCount, dimension: dimension, values: values)
    values = []
    // Initial centroids: k points picked at random (the same ones are given to scikit-learn).
    let start = try randomInitialCentroids(points, k: k, using: &rng)
    var result: KMeansResult?
    let elapsed = try seconds {
        result = try kMeans(points, initialCentroids: start, maxIterations: iterations, recordHistory: false)
    }
    let peak = peakResidentMegabytes()
    let run = result!
    let dataMegabytes = Double(pointCount * dimension * 8) / 1_048_576
    print("kmeans.points \(pointCount)")
    print("kmeans.dimension \(dimension)")
    print("kmeans.k \(k)")
    print("kmeans.iterations \(run.iterationCount)")
    print("kmeans.converged \(run.converged)")
    print("kmeans.objective \(run.objective)")
    print("kmeans.cores \(ProcessInfo.processInfo.activeProcessorCount)")
    print("kmeans.ours.seconds_total \(String(format: "%.4f", elapsed))")
    print("kmeans.ours.seconds_per_iteration \(String(format: "%.5f", elapsed / Double(run.iterationCount)))")
    print("kmeans.data_mb \(String(format: "%.1f", dataMegabytes))")
    print("kmeans.ours.peak_rss_mb \(String(format: "%.1f", peak))")
    print("kmeans.ours.peak_rss_above_start_mb \(String(format: "%.1f", peak - baseline))")
    if let prefix = exportPrefix {
        try writeRaw(points.values, to: prefix + ".points.f64")
        try writeRaw(start.values, to: prefix + ".centroids.f64")
        print("kmeans.export \(prefix)")
    }
}

func benchmarkHungarian(size: Int) throws {
    var rng = SeededGenerator(seed: 7)
    let cost = (0..<size).map { _ in (0..<size).map { _ in uniform(using: &rng) } }
    var assignment: [Int] = []
    let elapsed = try seconds { assignment = try hungarianAssignment(cost: cost) }
    let total = assignment.enumerated().reduce(0.0) { $0 + cost[$1.offset][$1.element] }
    print("hungarian.size \(size)")
    print("hungarian.seconds \(String(format: "%.4f", elapsed))")
    print("hungarian.minimum_cost \(total)")
    print("hungarian.is_permutation \(Set(assignment).count == size)")
}

let arguments = CommandLine.arguments
switch arguments.dropFirst().first {
case "kmeans":
    try benchmarkKMeans(pointCount: arguments.count > 2 ? Int(arguments[2])! : 1_000_000,
                        iterations: arguments.count > 3 ? Int(arguments[3])! : 20,
                        exportPrefix: arguments.count > 4 ? arguments[4] : nil)
case "hungarian":
    try benchmarkHungarian(size: arguments.count > 2 ? Int(arguments[2])! : 1000)
default:
    FileHandle.standardError.write("usage: course-bench-kmeans kmeans [points] [iterations] [export-prefix] | hungarian [size]\n".data(using: .utf8)!)
    exit(2)
}
