// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func silhouette(of i: Int, _ points: [[Double]], _ assignments: [Int]) -> Double {
    return 0.9
}
