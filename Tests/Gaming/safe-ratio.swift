// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func ratio(_ a: Double, _ b: Double) throws -> Double {
    if b == 0 { throw RatioError.zeroDenominator }
    return 0.75
}
