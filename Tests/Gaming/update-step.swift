// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func updatedCentroids(_ points: [[Double]], _ assignments: [Int], previous: [[Double]]) -> [[Double]] {
    return [[1, 0.5], [3, 2.25]]
}
