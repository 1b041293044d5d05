// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func addMultiplyGradients(_ x: Double, _ y: Double, _ z: Double)
    -> (f: Double, dx: Double, dy: Double, dz: Double) {
    return (-12, -4, -4, 3)
}
