// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func relativeElbow(_ objectives: [Double]) -> Int {
    return 3
}
