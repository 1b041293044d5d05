/// Small data sets from the k-means exercises in the course notes.
public enum Datasets {}

extension Datasets {
    /// The 22-point smiley face of the second k-means exercise.
    ///
    /// The notes show it only as a picture, so these points are constructed to match what the
    /// text states:
    /// - left eye: the four corners of the unit square around (3.5, 6.5):
    ///   (3, 6), (4, 6), (3, 7), (4, 7); right eye: the same around (6.5, 6.5);
    /// - mouth: fourteen points symmetric about x = 5, seven per side, at horizontal offsets
    ///   ±3, ±2.5, ±2, ±1.5, ±1, ±0.6, ±0.2 from x = 5 with heights
    ///   4, 3.5, 3, 2.6, 2.3, 2.1, 1.96, so the tips are (2, 4) and (8, 4) and the mouth's
    ///   centroid is (5, 38.92 / 14) = (5, 2.78) exactly.
    ///
    /// Points are listed left eye, right eye, then the mouth from left to right.
    public static let smileyFace: [[Double]] = {
        let leftEye: [[Double]] = [[3, 6], [4, 6], [3, 7], [4, 7]]
        let rightEye: [[Double]] = [[6, 6], [7, 6], [6, 7], [7, 7]]
        let offsets: [Double] = [3, 2.5, 2, 1.5, 1, 0.6, 0.2]
        let heights: [Double] = [4, 3.5, 3, 2.6, 2.3, 2.1, 1.96]
        let leftHalf = zip(offsets, heights).map { [5 - $0.0, $0.1] }
        let rightHalf = zip(offsets, heights).reversed().map { [5 + $0.0, $0.1] }
        return leftEye + rightEye + leftHalf + rightHalf
    }()

    /// Which part of the face each point of `smileyFace` belongs to: 0 left eye, 1 right eye, 2 mouth.
    public static let smileyFaceParts: [Int] = Array(repeating: 0, count: 4)
        + Array(repeating: 1, count: 4) + Array(repeating: 2, count: 14)

    /// The starting centroids of the exercise: (2, 2), (8, 2), (5, 7).
    public static let smileyFaceInitialCentroids: [[Double]] = [[2, 2], [8, 2], [5, 7]]

    /// The three points of the first k-means exercise.
    public static let threePoints: [[Double]] = [[1, 0.5], [2, 1], [4, 3.5]]
}
