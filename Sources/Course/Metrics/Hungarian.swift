/// The Hungarian algorithm (Kuhn–Munkres) in its O(n²m) shortest-augmenting-path form: an
/// assignment of rows to columns, each row to a different column, with the least total cost.
///
/// It keeps a potential u_i for each row and v_j for each column with u_i + v_j ≤ c_ij (the
/// dual of the assignment problem). Rows are added one at a time; for each, a Dijkstra-like
/// search over reduced costs c_ij − u_i − v_j finds the cheapest way to make room for it along
/// an alternating path, then the potentials are shifted so the path's edges are tight. When all
/// rows are placed, the tight matching is optimal by linear-programming duality.
///
/// - Parameter cost: an n × m matrix of finite numbers (rows may be fewer or more than columns).
/// - Returns: for each row, its column, or −1 for rows left over when n > m.
public func hungarianAssignment(cost: [[Double]]) throws -> [Int] {
    let rowCount = cost.count
    guard rowCount > 0, let columnCount = cost.first?.count, columnCount > 0 else { return Array(repeating: -1, count: rowCount) }
    guard cost.allSatisfy({ $0.count == columnCount }) else {
        throw ClusteringError("the cost matrix's rows have different lengths")
    }
    guard cost.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
        throw ClusteringError("the cost matrix has a NaN or infinite entry")
    }
    if rowCount <= columnCount {
        return minimumAssignment(flat: cost.flatMap { $0 }, rows: rowCount, columns: columnCount)
    }
    // More rows than columns: solve the transpose, then read it back.
    var transposed = [Double](repeating: 0, count: rowCount * columnCount)
    for i in 0..<rowCount { for j in 0..<columnCount { transposed[j * rowCount + i] = cost[i][j] } }
    let columnToRow = minimumAssignment(flat: transposed, rows: columnCount, columns: rowCount)
    var result = [Int](repeating: -1, count: rowCount)
    for (column, row) in columnToRow.enumerated() { result[row] = column }
    return result
}

/// The core, for rows ≤ columns, on a flat row-major matrix. Indices are shifted by one so
/// that column 0 can stand for "the row being added".
func minimumAssignment(flat cost: [Double], rows n: Int, columns m: Int) -> [Int] {
    var u = [Double](repeating: 0, count: n + 1)        // row potentials
    var v = [Double](repeating: 0, count: m + 1)        // column potentials
    var rowOfColumn = [Int](repeating: 0, count: m + 1) // 0 = free
    var way = [Int](repeating: 0, count: m + 1)         // previous column on the path
    var minReduced = [Double](repeating: 0, count: m + 1)
    var used = [Bool](repeating: false, count: m + 1)

    cost.withUnsafeBufferPointer { c in
        for row in 1...n {
            rowOfColumn[0] = row
            var column0 = 0
            for j in 0...m { minReduced[j] = .infinity; used[j] = false }
            repeat {
                used[column0] = true
                let i0 = rowOfColumn[column0], base = (i0 - 1) * m - 1
                var delta = Double.infinity, column1 = 0
                for j in 1...m where !used[j] {
                    let reduced = c[base + j] - u[i0] - v[j]
                    if reduced < minReduced[j] { minReduced[j] = reduced; way[j] = column0 }
                    if minReduced[j] < delta { delta = minReduced[j]; column1 = j }
                }
                for j in 0...m {
                    if used[j] { u[rowOfColumn[j]] += delta; v[j] -= delta } else { minReduced[j] -= delta }
                }
                column0 = column1
            } while rowOfColumn[column0] != 0
            // Flip the alternating path back to the start.
            repeat {
                let previous = way[column0]
                rowOfColumn[column0] = rowOfColumn[previous]
                column0 = previous
            } while column0 != 0
        }
    }
    var columnOfRow = [Int](repeating: -1, count: n)
    for j in 1...m where rowOfColumn[j] != 0 { columnOfRow[rowOfColumn[j] - 1] = j - 1 }
    return columnOfRow
}
