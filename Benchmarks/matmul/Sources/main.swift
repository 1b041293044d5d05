// Times Tensor.matmul on square matrices (GFLOP/s, 2n³ floating-point operations per product)
// and a multi-head attention forward pass (milliseconds). Run by Benchmarks/matmul/run.sh and
// Benchmarks/attention/run.sh, which print NumPy's figures beside these.
//
//   course-bench-matmul [SIZE ...]                 (default 256 512 1024)
//   course-bench-matmul attention [N D HEADS]      (default 512 256 8)
import Course
import Foundation

/// The best of repeated runs over about a second (least disturbed by other processes).
func bestSeconds(_ body: () -> Void) -> Double {
    body()  // warm-up: page in the memory, settle the caches
    var best = Double.infinity, elapsed = 0.0, runs = 0
    while elapsed < 1 || runs < 3 {
        let start = Date()
        body()
        let seconds = Date().timeIntervalSince(start)
        best = min(best, seconds)
        elapsed += seconds
        runs += 1
    }
    return best
}

var arguments = Array(CommandLine.arguments.dropFirst())
print("ours.threads \(matrixProductThreads) kernel \(matrixProductKernel)")
if arguments.first == "attention" {
    arguments.removeFirst()
    let numbers = arguments.compactMap { Int($0) }
    let n = numbers.count > 0 ? numbers[0] : 512, d = numbers.count > 1 ? numbers[1] : 256
    let h = numbers.count > 2 ? numbers[2] : 8
    var rng = SeededGenerator(seed: 1)
    let layer = MultiHeadAttention(d, heads: h, using: &rng)
    let x = Tensor.randn(n, d, using: &rng)
    var checksum = 0.0
    let best = bestSeconds { checksum = layer(x).data.reduce(0, +) }
    print("ours.attention \(n) \(d) \(h) ms \(String(format: "%.3f", best * 1000)) checksum \(checksum)")
} else {
    let sizes = arguments.compactMap { Int($0) }
    for n in sizes.isEmpty ? [256, 512, 1024] : sizes {
        var rng = SeededGenerator(seed: UInt64(n))
        let a = Tensor.randn(n, n, using: &rng), b = Tensor.randn(n, n, using: &rng)
        let best = bestSeconds { precondition(a.matmul(b).rows == n) }
        let gflops = 2 * Double(n * n * n) / best / 1e9
        print("ours.matmul \(n) seconds \(String(format: "%.5f", best)) gflops \(String(format: "%.2f", gflops))")
    }
}
