// Times Tensor.matmul on square matrices and prints GFLOP/s (2n³ floating-point operations per
// product). Run by Benchmarks/matmul/run, which prints NumPy's figures beside these.
//
//   course-bench-matmul [SIZE ...]      (default 256 512 1024)
import Course
import Foundation

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
for n in sizes.isEmpty ? [256, 512, 1024] : sizes {
    var rng = SeededGenerator(seed: UInt64(n))
    let a = Tensor.randn(n, n, using: &rng), b = Tensor.randn(n, n, using: &rng)
    _ = a.matmul(b)  // warm-up: page in the memory, settle the caches
    // Repeat until about a second has passed, and report the best run (least disturbed by
    // other processes on the machine).
    var best = Double.infinity, elapsed = 0.0, runs = 0
    while elapsed < 1 || runs < 3 {
        let start = Date()
        let c = a.matmul(b)
        let seconds = Date().timeIntervalSince(start)
        precondition(c.rows == n)
        best = min(best, seconds)
        elapsed += seconds
        runs += 1
    }
    let gflops = 2 * Double(n * n * n) / best / 1e9
    print("matmul \(n) seconds \(String(format: "%.5f", best)) gflops \(String(format: "%.2f", gflops))")
}
