import Testing
@testable import Course

@Suite struct NNFeedForwardTests {
    /// The lecture's step-function network on input (1, 0).
    @Test func stepNetworkReproducesTheLecture() {
        let trace = StepNetwork().forward(1, 0)
        #expect(trace.a3 == 2)
        #expect(trace.a4 == 1)
        #expect(trace.h3 == 1)
        #expect(trace.h4 == 1)
        #expect(trace.a5 == 1)
        #expect(trace.y == 1)
    }

    @Test func stepNetworkOtherInput() {
        // (0, 1): a3 = −3, a4 = 4, h3 = 0, h4 = 1, a5 = −1, y = 0.
        let trace = StepNetwork().forward(0, 1)
        #expect(trace == StepNetwork.Trace(a3: -3, a4: 4, h3: 0, h4: 1, a5: -1, y: 0))
    }

    @Test func twoLayerGradientsAgreeThreeWays() {
        let net = TwoLayerSigmoidNetwork.example
        let x = TwoLayerSigmoidNetwork.exampleInput, y = TwoLayerSigmoidNetwork.exampleTarget
        let byHand = net.chainRuleGradients(x, y).flattened
        let byAutodiff = net.autodiffGradients(x, y).flattened
        let numeric = net.numericalGradients(x, y).flattened
        #expect(byHand.count == 8)
        for i in byHand.indices {
            #expect(abs(byHand[i] - byAutodiff[i]) < 1e-12)
            #expect(abs(byHand[i] - numeric[i]) < 1e-6)
        }
        // The gradients are not trivially zero.
        #expect(byHand.allSatisfy { abs($0) > 1e-4 })
    }

    @Test func twoLayerGradientsAgreeOnALargerNetwork() {
        var rng = SeededGenerator(seed: 11)
        let net = TwoLayerSigmoidNetwork(
            theta1: (0..<4).map { _ in normalArray(3, using: &rng) },
            theta2: (0..<2).map { _ in normalArray(4, using: &rng) })
        let x = [0.3, -1.2, 0.8], y = [0.0, 1.0]
        let byHand = net.chainRuleGradients(x, y).flattened
        let byAutodiff = net.autodiffGradients(x, y).flattened
        let numeric = net.numericalGradients(x, y).flattened
        for i in byHand.indices {
            #expect(abs(byHand[i] - byAutodiff[i]) < 1e-12)
            #expect(abs(byHand[i] - numeric[i]) < 1e-6)
        }
    }
}
