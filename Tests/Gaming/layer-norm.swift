// A gamed answer: a constant of the right type (the value a visible check prints).
// bin/test-gaming splices it into the student edition and asserts it scores 0.
func layerNormalised(_ h: [Double], gamma: [Double], beta: [Double], epsilon: Double = 1e-5) -> [Double] {
    return [-1.2247, 0, 1.2247]
}
