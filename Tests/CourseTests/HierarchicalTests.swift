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

    @Test func mergeHistoriesMatchSciPy() throws {
        let cases = try MetricVectors.load().linkages
        #expect(cases.count == 6)
        for c in cases {
            let linkage: Linkage = c.method == "single" ? .single : c.method == "complete" ? .complete : .average
            let merges = try agglomerativeClustering(c.points, linkage: linkage).merges
            #expect(merges.count == c.merges.count)
            for (ours, theirs) in zip(merges, c.merges) {
                #expect(Set([ours.left, ours.right]) == Set([Int(theirs[0]), Int(theirs[1])]), "\(c.method)")
                #expect(abs(ours.distance - theirs[2]) < 1e-12 && ours.size == Int(theirs[3]), "\(c.method)")
            }
        }
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
