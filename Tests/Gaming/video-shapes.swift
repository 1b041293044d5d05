// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func convolutionSide(_ n: Int, kernel: Int, stride: Int = 1, padding: Int = 0) -> Int {
    return 64
}

func lstmGateParameters(inputSize: Int, hiddenSize: Int) -> Int {
    return 96
}
