import Dispatch
import Foundation

/// Maps over `items` with at most `limit` calls running at once; results keep the input order.
func boundedParallelMap<Item, Result>(_ items: [Item], limit: Int, _ transform: (Item) -> Result) -> [Result] {
    guard items.count > 1, limit > 1 else { return items.map(transform) }
    var results = [Result?](repeating: nil, count: items.count)
    var next = 0
    let lock = NSLock()
    // Each worker takes the next unstarted item, so a slow chapter never holds up the others.
    DispatchQueue.concurrentPerform(iterations: min(limit, items.count)) { _ in
        while true {
            let index: Int = lock.withLock {
                defer { next += 1 }
                return next
            }
            guard index < items.count else { return }
            let result = transform(items[index])
            lock.withLock { results[index] = result }
        }
    }
    return results.map { $0! }
}
