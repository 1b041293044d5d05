// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func corePoints(_ points: [[Double]], epsilon: Double, minPoints: Int) -> [Bool] {
    return [false, true, true, false, false]
}
