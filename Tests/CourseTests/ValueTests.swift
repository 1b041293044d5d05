import Foundation
import Testing
@testable import Course

@Suite struct ValueTests {
    /// The lecture's example f(x, y, z) = (x + y)·z at x = −2, y = 5, z = −4.
    @Test func backpropagatesTheLectureExample() {
        let x = Value(-2, "x"), y = Value(5, "y"), z = Value(-4, "z")
        let q = (x + y).named("q")
        let f = (q * z).named("f")
        f.backward()
        #expect(q.data == 3)
        #expect(f.data == -12)
        #expect(x.grad == -4)
        #expect(y.grad == -4)
        #expect(z.grad == 3)
        #expect(q.grad == -4)
        #expect(f.grad == 1)
    }

    @Test func printsTheGraphWithValuesAndGradients() {
        let x = Value(-2, "x"), y = Value(5, "y"), z = Value(-4, "z")
        let f = ((x + y).named("q") * z).named("f")
        f.backward()
        let lines = f.graph().split(separator: "\n").map { $0.replacingOccurrences(of: " +", with: " ", options: .regularExpression) }
        #expect(lines == [
            "x = -2 grad -4",
            "y = 5 grad -4",
            "q = x + y = 3 grad -4",
            "z = -4 grad 3",
            "f = q * z = -12 grad 1",
        ])
    }

    /// PyTorch's rule, the same as `Tensor`'s: inputs accumulate until `zeroGrad()`.
    @Test func backwardTwiceAccumulatesUntilZeroGrad() {
        let x = Value(3, "x")
        let q = (x + 1).named("q")
        let f = q * x
        f.backward()
        #expect(x.grad == 7)  // d((x+1)x)/dx = 2x + 1
        f.backward()
        #expect(x.grad == 14)  // added, not replaced
        #expect(q.grad == 3)   // an intermediate node counts one pass only
        f.zeroGrad()
        #expect(x.grad == 0 && q.grad == 0 && f.grad == 0)
        f.backward()
        #expect(x.grad == 7)
    }

    /// Every operation's gradient against central differences, at a point where all are smooth.
    @Test func everyOperationMatchesCentralDifferences() {
        let unary: [(String, (Value) -> Value)] = [
            ("neg", { -$0 }), ("pow", { $0.pow(3) }), ("exp", { $0.exp() }), ("log", { $0.log() }),
            ("sigmoid", { $0.sigmoid() }), ("tanh", { $0.tanh() }), ("relu", { $0.relu() }),
            ("relu-negative", { ($0 - 2).relu() }),
        ]
        for (name, op) in unary {
            let x = Value(0.7)
            let out = op(x)
            out.backward()
            let numeric = numericalGradient(at: [0.7]) { op(Value($0[0])).data }[0]
            #expect(abs(x.grad - numeric) < 1e-8, "\(name)")
        }
        let binary: [(String, (Value, Value) -> Value)] = [
            ("+", { $0 + $1 }), ("-", { $0 - $1 }), ("*", { $0 * $1 }), ("/", { $0 / $1 }),
        ]
        for (name, op) in binary {
            let a = Value(1.3), b = Value(-0.6)
            op(a, b).backward()
            let numeric = numericalGradient(at: [1.3, -0.6]) { op(Value($0[0]), Value($0[1])).data }
            #expect(abs(a.grad - numeric[0]) < 1e-8, "\(name) a")
            #expect(abs(b.grad - numeric[1]) < 1e-8, "\(name) b")
        }
    }

    @Test func sigmoidIsStableForLargeInputs() {
        #expect(sigmoidOf(-1000) == 0)
        #expect(sigmoidOf(1000) == 1)
        #expect(sigmoidOf(0) == 0.5)
    }
}
