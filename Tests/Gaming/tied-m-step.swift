// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func tiedMStep(_ xs: [Double], _ gamma: [[Double]]) -> (weights: [Double], means: [Double], variance: Double) {
    return ([2.0 / 3, 1.0 / 3], [1, 10], 2.0 / 3)
}
