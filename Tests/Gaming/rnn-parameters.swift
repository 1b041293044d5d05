// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func elmanParameterCount(inputSize: Int, hiddenSize: Int) -> Int {
    return 29
}
