import Foundation

// The fast path under `LSTM.hiddenStates`: the whole unrolled sequence as one differentiable
// step, with backpropagation through time written out by hand. The maths is the loop in
// `LSTM.referenceHiddenStates` (a student reads that one); the tests hold the two equal,
// values and gradients. Where the reference builds about a dozen graph nodes, each with its
// own arrays, per time step, this builds one node per sequence and keeps, per step, only what
// the backward pass needs: the four activated gates, c_t and tanh(c_t).

extension Tensor {
    /// H (T×n), the hidden states of an LSTM with gate weights W (4n × (d + n), rows in the
    /// order i, f, g, o; columns x_t then h_{t−1}) and bias b (1×4n) over the rows x_t of `self`
    /// (T×d), from h₀ = c₀ = 0:
    ///
    ///     z = W [x_t, h_{t−1}] + b,  i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o)
    ///     c_t = f ⊙ c_{t−1} + i ⊙ g,  h_t = o ⊙ tanh(c_t)
    ///
    /// Backward, from t = T down to 1, with δh_t = ∂L/∂h_t (+ what step t+1 sends back) and
    /// δc_t = δc from step t+1 + δh_t ⊙ o ⊙ (1 − tanh²c_t):
    /// δz_o = δh_t ⊙ tanh(c_t) ⊙ o(1 − o),  δz_i = δc_t ⊙ g ⊙ i(1 − i),
    /// δz_f = δc_t ⊙ c_{t−1} ⊙ f(1 − f),  δz_g = δc_t ⊙ i ⊙ (1 − g²);
    /// ∂L/∂W += δz [x_t, h_{t−1}]ᵀ, ∂L/∂b += δz, [δx_t, δh_{t−1}] = Wᵀ δz, δc_{t−1} = δc_t ⊙ f.
    func lstmHiddenStates(weight: Tensor, bias: Tensor?, hiddenSize n: Int) -> Tensor {
        let x = self, w = weight
        let steps = x.rows, d = x.cols, width = d + n, gateCount = 4 * n
        precondition(w.rows == gateCount && w.cols == width, "lstmHiddenStates: W must be \(gateCount)×\(width)")
        if let bias { precondition(bias.rows == 1 && bias.cols == gateCount, "lstmHiddenStates: b must be 1×\(gateCount)") }
        var hidden = [Double](repeating: 0, count: steps * n)
        var gates = [Double](repeating: 0, count: steps * gateCount)  // i, f, g, o after σ / tanh
        var cells = [Double](repeating: 0, count: steps * n)
        var tanhCells = [Double](repeating: 0, count: steps * n)
        let zeros = [Double](repeating: 0, count: n)
        x.data.withUnsafeBufferPointer { xp in
        w.data.withUnsafeBufferPointer { wp in
        hidden.withUnsafeMutableBufferPointer { hp in
        gates.withUnsafeMutableBufferPointer { gp in
        cells.withUnsafeMutableBufferPointer { cp in
        tanhCells.withUnsafeMutableBufferPointer { tp in
        zeros.withUnsafeBufferPointer { zp in
            let bp = bias?.data
            for t in 0..<steps {
                let hPrev = t > 0 ? UnsafePointer(hp.baseAddress! + (t - 1) * n) : zp.baseAddress!
                let cPrev = t > 0 ? UnsafePointer(cp.baseAddress! + (t - 1) * n) : zp.baseAddress!
                let input = xp.baseAddress! + t * d
                let gate = gp.baseAddress! + t * gateCount
                for r in 0..<gateCount {
                    let row = wp.baseAddress! + r * width
                    var z = 0.0
                    for j in 0..<d { z += input[j] * row[j] }
                    for j in 0..<n { z += hPrev[j] * row[d + j] }
                    if let bp { z += bp[r] }
                    gate[r] = r / n == 2 ? Foundation.tanh(z) : sigmoidOf(z)
                }
                for j in 0..<n {
                    let c = gate[n + j] * cPrev[j] + gate[j] * gate[2 * n + j]
                    let tc = Foundation.tanh(c)
                    cp[t * n + j] = c
                    tp[t * n + j] = tc
                    hp[t * n + j] = gate[3 * n + j] * tc
                }
            }
        }}}}}}}
        let parents = bias.map { [x, w, $0] } ?? [x, w]
        let (savedHidden, savedGates, savedCells, savedTanh) = (hidden, gates, cells, tanhCells)
        return Tensor(rows: steps, cols: n, data: savedHidden, op: "lstm", parents: parents) { out in
            var weightGrad = [Double](repeating: 0, count: gateCount * width)
            var biasGrad = [Double](repeating: 0, count: gateCount)
            var inputGrad = [Double](repeating: 0, count: steps * d)
            var hNext = [Double](repeating: 0, count: n)  // δh_t sent back from step t+1
            var cNext = [Double](repeating: 0, count: n)  // δc_t sent back from step t+1
            var dz = [Double](repeating: 0, count: gateCount)
            let dH = out.gradStorage
            for t in stride(from: steps - 1, through: 0, by: -1) {
                let g = t * gateCount
                for j in 0..<n {
                    let i = savedGates[g + j], f = savedGates[g + n + j], c = savedGates[g + 2 * n + j], o = savedGates[g + 3 * n + j]
                    let tc = savedTanh[t * n + j]
                    let cPrev = t > 0 ? savedCells[(t - 1) * n + j] : 0
                    let dh = dH[t * n + j] + hNext[j]
                    let dc = cNext[j] + dh * o * (1 - tc * tc)
                    dz[j] = dc * c * i * (1 - i)
                    dz[n + j] = dc * cPrev * f * (1 - f)
                    dz[2 * n + j] = dc * i * (1 - c * c)
                    dz[3 * n + j] = dh * tc * o * (1 - o)
                    cNext[j] = dc * f
                }
                for j in 0..<n { hNext[j] = 0 }
                for r in 0..<gateCount {
                    let delta = dz[r], row = r * width
                    biasGrad[r] += delta
                    for j in 0..<d {
                        weightGrad[row + j] += delta * x.data[t * d + j]
                        inputGrad[t * d + j] += w.data[row + j] * delta
                    }
                    for j in 0..<n {
                        if t > 0 { weightGrad[row + d + j] += delta * savedHidden[(t - 1) * n + j] }
                        hNext[j] += w.data[row + d + j] * delta
                    }
                }
            }
            x.accumulateGrad { gx in for k in 0..<gx.count { gx[k] += inputGrad[k] } }
            w.accumulateGrad { gw in for k in 0..<gw.count { gw[k] += weightGrad[k] } }
            bias?.accumulateGrad { gb in for k in 0..<gb.count { gb[k] += biasGrad[k] } }
        }
    }
}
