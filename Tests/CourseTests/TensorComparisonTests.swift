import Testing
import WorkbookRuntime
@testable import Course

/// `expectClose` on tensors, as a chapter's check cell uses it. Outside the engine a failed
/// expectation is only printed to stderr, so the Bool each returns is what is asserted here.
@Suite struct TensorComparison {
    @Test func shapeAndValuesAreRowMajor() {
        let t = Tensor([[1, 2, 3], [4, 5, 6]])
        #expect(t.comparisonShape == [2, 3])
        #expect(t.comparisonValues == [1, 2, 3, 4, 5, 6])
    }

    @Test func closeToNestedArraysWithinTolerance() {
        let t = Tensor([[0.1, 0.2], [0.3, 0.4]])
        #expect(expectClose(t, [[0.1, 0.2], [0.3, 0.4 + 5e-7]], tolerance: 1e-6))
        #expect(!expectClose(t, [[0.1, 0.2], [0.3, 0.4 + 2e-6]], tolerance: 1e-6))
    }

    @Test func rowAndColumnDoNotPassForEachOther() {
        #expect(!expectClose(Tensor(row: [1, 2]), [[1.0], [2.0]]))
        #expect(!expectClose(Tensor(row: [1, 2]), [1.0, 2.0]))
        #expect(expectClose(Tensor(column: [1, 2]), [[1.0], [2.0]]))
    }

    @Test func tensorAgainstTensor() {
        let a = Tensor([[1, 2]]), b = Tensor([[1, 2 + 1e-12]])
        #expect(expectClose(a, b, tolerance: 1e-9))
        #expect(!expectClose(a, Tensor([[1, .nan]])))
    }
}
