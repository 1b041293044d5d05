import Testing
@testable import Course

@Suite struct HierarchicalTests {
    let line: [[Double]] = [[0], [1], [3], [7]]

    @Test func singleLinkageMerges() throws {
        let tree = try agglomerativeClustering(line, linkage: .single)
        #expect(tree.merges == [Merge(left: 0, right: 1, distance: 1, size: 2),
                                Merge(left: 2, right: 4, distance: 2, size: 3),
                                Merge(left: 3, right: 5, distance: 4, size: 4)])
    }

    @Test func completeAndAverageLinkageHeights() throws {
        #expect(try agglomerativeClustering(line, linkage: .complete).merges.map(\.distance) == [1, 3, 7])
        let average = try agglomerativeClustering(line, linkage: .average).merges.map(\.distance)
        #expect(average[0] == 1 && average[1] == 2.5 && abs(average[2] - 17.0 / 3) < 1e-15)
    }

    @Test func cutIntoK() throws {
        let tree = try agglomerativeClustering(line, linkage: .single)
        #expect(try tree.cut(into: 1) == [0, 0, 0, 0])
        #expect(try tree.cut(into: 2) == [0, 0, 0, 1])
        #expect(try tree.cut(into: 3) == [0, 0, 1, 2])
        #expect(try tree.cut(into: 4) == [0, 1, 2, 3])
        #expect(throws: ClusteringError.self) { try tree.cut(into: 5) }
    }

    @Test func singleLinkageFollowsChainsCompleteDoesNot() throws {
        // A chain of close points and a tight pair far to the side.
        let points: [[Double]] = [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0], [2.5, 3], [2.5, 3.5]]
        #expect(try agglomerativeClustering(points, linkage: .single).cut(into: 2) == [0, 0, 0, 0, 0, 0, 1, 1])
        #expect(try agglomerativeClustering(points, linkage: .complete).cut(into: 2) != [0, 0, 0, 0, 0, 0, 1, 1])
    }

    @Test func textDendrogram() throws {
        let tree = try agglomerativeClustering(line, linkage: .single)
        #expect(tree.textDendrogram() == """
            ┬ 4.0
            ├── 3
            └─┬ 2.0
              ├── 2
              └─┬ 1.0
                ├── 0
                └── 1
            """)
        #expect(try agglomerativeClustering([[5]], linkage: .single).textDendrogram(names: ["only"]) == "── only")
    }
}
