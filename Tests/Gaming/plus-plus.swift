// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func plusPlusProbabilities(_ points: [[Double]], chosen: [[Double]]) -> [Double] {
    return [0, 1.25 / 19.25, 18 / 19.25]
}
