import Testing
@testable import Course

@Suite struct DistanceTests {
    @Test func vectorDistances() {
        #expect(squaredEuclideanDistance([1, 2], [4, 6]) == 25)
        #expect(euclideanDistance([1, 2], [4, 6]) == 5)
        #expect(manhattanDistance([1, 2], [4, 6]) == 7)
        #expect(cosineSimilarity([1, 0], [0, 3]) == 0)
        #expect(abs(cosineDistance([1, 1], [2, 2])) < 1e-15)
        #expect(cosineDistance([1, 0], [-5, 0]) == 2)
        #expect(cosineSimilarity([0, 0], [1, 1]) == 0)
    }

    @Test func jaccardOnSets() {
        #expect(jaccardSimilarity([1, 2, 3], [2, 3, 4]) == 0.5)
        #expect(jaccardDistance([1, 2, 3], [2, 3, 4]) == 0.5)
        #expect(jaccardSimilarity(Set<Int>(), Set<Int>()) == 1)
        #expect(jaccardDistance(["a"], ["b"]) == 1)
    }

    @Test func editDistanceOnStrings() {
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("abc", "") == 3)
        #expect(editDistance("flaw", "lawn") == 2)
        #expect(editDistance("same", "same") == 0)
    }
}
