// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func softmax(_ scores: [Double]) -> [Double] {
    return [0.5, 0.5]
}
