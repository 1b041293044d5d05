import Foundation

extension Datasets {
    /// Two long horizontal rectangles, one above the other (the third exercise's left figure).
    ///
    /// `perRectangle` points are drawn uniformly from [0, 10] × [0, 1] and from
    /// [0, 10] × [gap + 1, gap + 2]. The best split is by height (x₂). Started from centroids
    /// side by side, such as (2.5, (gap + 2)/2) and (7.5, (gap + 2)/2), k-means cuts both
    /// rectangles by x₁ instead. With the default gap of 5 that cut is a stable local minimum
    /// whose objective is about a third worse than the split by height. (With much larger gaps
    /// the cut by x₁ is still a fixed point for perfectly symmetric data, as the notes say, but
    /// an unstable one: sampled points tip it over to the split by height.)
    /// Labels: 0 bottom rectangle, 1 top rectangle.
    public static func twoRectangles(perRectangle: Int = 100, gap: Double = 5,
                                     using rng: inout some RandomNumberGenerator) -> (points: [[Double]], labels: [Int]) {
        var points: [[Double]] = [], labels: [Int] = []
        for (label, bottom) in [(0, 0.0), (1, gap + 1)] {
            for _ in 0..<perRectangle {
                points.append([uniform(0, 10, using: &rng), uniform(bottom, bottom + 1, using: &rng)])
                labels.append(label)
            }
        }
        return (points, labels)
    }

    /// Two interleaved half-circles (the "two moons"), a set no start can make k-means cluster
    /// correctly: the moons are not globular, and the best two-centroid split cuts both.
    ///
    /// Moon 0: (cos t, sin t) for t ∈ [0, π]; moon 1: (1 − cos t, ½ − sin t); each point gets
    /// Gaussian noise of standard deviation `noise` on both coordinates. Labels: the moon.
    public static func twoMoons(perMoon: Int = 100, noise: Double = 0.05,
                                using rng: inout some RandomNumberGenerator) -> (points: [[Double]], labels: [Int]) {
        var points: [[Double]] = [], labels: [Int] = []
        for moon in 0..<2 {
            for i in 0..<perMoon {
                let t = Double.pi * Double(i) / Double(max(perMoon - 1, 1))
                let x = moon == 0 ? cos(t) : 1 - cos(t)
                let y = moon == 0 ? sin(t) : 0.5 - sin(t)
                points.append([x + normal(std: noise, using: &rng), y + normal(std: noise, using: &rng)])
                labels.append(moon)
            }
        }
        return (points, labels)
    }

    /// Well-separated Gaussian blobs: `perCluster` points around each centre with standard
    /// deviation `std` on every coordinate. Labels: the index of the centre.
    public static func gaussianBlobs(centers: [[Double]], perCluster: Int, std: Double,
                                     using rng: inout some RandomNumberGenerator) -> (points: [[Double]], labels: [Int]) {
        var points: [[Double]] = [], labels: [Int] = []
        for (label, center) in centers.enumerated() {
            for _ in 0..<perCluster {
                points.append(center.map { $0 + normal(std: std, using: &rng) })
                labels.append(label)
            }
        }
        return (points, labels)
    }
}
