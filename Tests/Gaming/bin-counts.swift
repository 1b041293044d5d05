// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func binCounts(_ values: [Double], bins: Int) -> [Int] {
    return [1, 2, 0, 0, 0, 0, 0, 0, 0, 1]
}
