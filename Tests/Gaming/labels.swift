// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func runningSumLabels(_ values: [Double], threshold: Double = 3) -> [Double] {
    return [0, 0, 0, 1, 1]
}
