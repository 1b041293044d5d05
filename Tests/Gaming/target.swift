// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func sharpenedTarget(_ q: [[Double]]) -> [[Double]] {
    return [[0.9, 0.1], [0.1, 0.9]]
}
