import Foundation
import Testing
@testable import Course

/// Test vectors made by scikit-learn and SciPy (Data/make_metric_vectors.py).
struct MetricVectors: Decodable {
    struct Case: Decodable {
        let name: String
        let truth: [Int]
        let predicted: [Int]
        let nmi, ari, mutualInformation, accuracy, purity: Double
    }
    struct Assignment: Decodable {
        let cost: [[Double]]
        let minimumCost: Double
    }
    /// SciPy's merge history: rows of [cluster, cluster, height, size].
    struct LinkageCase: Decodable {
        let points: [[Double]]
        let method: String
        let merges: [[Double]]
    }
    let cases: [Case]
    let assignments: [Assignment]
    let linkages: [LinkageCase]

    static func load() throws -> MetricVectors {
        let url = try #require(Bundle.module.url(forResource: "metric_vectors", withExtension: "json", subdirectory: "Data"))
        return try JSONDecoder().decode(MetricVectors.self, from: Data(contentsOf: url))
    }
}

@Suite struct MetricsTests {
    @Test func agreeWithScikitLearn() throws {
        let vectors = try MetricVectors.load()
        #expect(vectors.cases.count == 12)
        for c in vectors.cases {
            let nmi = try normalizedMutualInformation(truth: c.truth, predicted: c.predicted)
            let ari = try adjustedRandIndex(truth: c.truth, predicted: c.predicted)
            let mi = try mutualInformation(truth: c.truth, predicted: c.predicted)
            let acc = try clusteringAccuracy(truth: c.truth, predicted: c.predicted)
            let pur = try purity(truth: c.truth, predicted: c.predicted)
            #expect(abs(nmi - c.nmi) <= 1e-12, "NMI \(c.name)")
            #expect(abs(ari - c.ari) <= 1e-12, "ARI \(c.name)")
            #expect(abs(mi - c.mutualInformation) <= 1e-12, "MI \(c.name)")
            #expect(abs(acc - c.accuracy) <= 1e-12, "ACC \(c.name)")
            #expect(abs(pur - c.purity) <= 1e-12, "purity \(c.name)")
        }
    }

    @Test func hungarianMatchesSciPyOptimum() throws {
        for problem in try MetricVectors.load().assignments {
            let match = try hungarianAssignment(cost: problem.cost)
            let used = match.filter { $0 >= 0 }
            #expect(Set(used).count == used.count)
            #expect(used.count == min(problem.cost.count, problem.cost[0].count))
            let total = match.enumerated().reduce(0.0) { $0 + ($1.element >= 0 ? problem.cost[$1.offset][$1.element] : 0) }
            #expect(total == problem.minimumCost)
        }
    }

    @Test func contingencyTableOfTheTextbookExample() throws {
        let table = try ContingencyTable(truth: [0, 0, 0, 1, 1, 1], predicted: [0, 0, 1, 1, 2, 2])
        #expect(table.counts == [[2, 1, 0], [0, 1, 2]])
        #expect(table.classSizes == [3, 3] && table.clusterSizes == [2, 2, 2] && table.total == 6)
    }

    @Test func mismatchedLengthsAreAnError() {
        #expect(throws: ClusteringError.self) { try adjustedRandIndex(truth: [0, 1], predicted: [0]) }
        #expect(throws: ClusteringError.self) { try clusteringAccuracy(truth: [], predicted: []) }
    }
}
