/// ∂f/∂xᵢ for every i by central differences:
///
///     ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h
///
/// The error of the central difference shrinks like h² (a one-sided difference only like h),
/// so h = 1e-5 gives about 10 correct digits for smooth f: enough to check backpropagation
/// to 1e-6. It costs two evaluations of f per input, which is why networks are trained with
/// backpropagation instead.
public func numericalGradient(at x: [Double], step h: Double = 1e-5,
                              of f: ([Double]) -> Double) -> [Double] {
    var point = x
    var gradient = [Double](repeating: 0, count: x.count)
    for i in x.indices {
        point[i] = x[i] + h
        let up = f(point)
        point[i] = x[i] - h
        let down = f(point)
        point[i] = x[i]
        gradient[i] = (up - down) / (2 * h)
    }
    return gradient
}
