import Foundation
@_implementationOnly import CCBLAS

// The fast path under `Tensor.matmul`, `linear` and attention: OpenBLAS's dgemm on row-major
// buffers. The maths is the loop nest in `Tensor.referenceMatmul` (a student reads that one);
// the tests hold these kernels equal to it. They *add* into C (β = 1), which is what
// backpropagation needs (gradients accumulate) and costs nothing for a fresh, zeroed C.

/// How many threads OpenBLAS may use: `WORKBOOK_THREADS` when set to a positive number,
/// otherwise OpenBLAS's own choice (one per core). Read once, before the first product.
let blasThreads: Int = {
    if let text = ProcessInfo.processInfo.environment["WORKBOOK_THREADS"],
       let wanted = Int(text.trimmingCharacters(in: .whitespaces)), wanted > 0 {
        openblas_set_num_threads(Int32(wanted))
    }
    return Int(openblas_get_num_threads())
}()

/// The number of threads the matrix products use (see `WORKBOOK_THREADS`).
public var matrixProductThreads: Int { blasThreads }

/// The OpenBLAS kernel chosen for this processor (e.g. "Haswell", "SkylakeX"), for benchmarks.
public var matrixProductKernel: String { String(cString: openblas_get_corename()) }

/// C (m×n) = α·op(A)·op(B) + β·C, row-major, where op transposes when asked. `lda`, `ldb` and
/// `ldc` are the row strides of the buffers as stored.
@inline(__always)
func gemm(transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
          alpha: Double = 1, _ a: UnsafePointer<Double>, lda: Int, _ b: UnsafePointer<Double>, ldb: Int,
          beta: Double, _ c: UnsafeMutablePointer<Double>, ldc: Int) {
    guard m > 0, n > 0 else { return }
    _ = blasThreads
    if k == 0 {
        // α·op(A)·op(B) is an empty sum; only the scaling by β is left.
        if beta != 1 { for i in 0..<m { for j in 0..<n { c[i * ldc + j] *= beta } } }
        return
    }
    cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}

/// C (m×n) += A (m×k) · B (k×n).
func addMatmul(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
               m: Int, k: Int, n: Int) {
    gemm(m: m, n: n, k: k, a, lda: k, b, ldb: n, beta: 1, c, ldc: n)
}

/// C (m×n) += A (m×k) · Bᵀ, where B is n×k.
func addMatmulTransposedRight(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                              _ c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int) {
    gemm(transposeB: true, m: m, n: n, k: k, a, lda: k, b, ldb: k, beta: 1, c, ldc: n)
}

/// C (m×n) += Aᵀ · B, where A is k×m and B is k×n.
func addMatmulTransposedLeft(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                             _ c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int) {
    gemm(transposeA: true, m: m, n: n, k: k, a, lda: m, b, ldb: n, beta: 1, c, ldc: n)
}
