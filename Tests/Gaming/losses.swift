// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func squaredLoss(_ predictions: [Double], _ targets: [Double]) -> Double {
    return 0.625
}

func crossEntropy(_ probabilities: [[Double]], _ oneHotTargets: [[Double]]) -> Double {
    return 0.328504066972036
}
