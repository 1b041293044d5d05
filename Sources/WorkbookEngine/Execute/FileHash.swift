import Crypto
import Foundation

/// SHA-256 of data files a chapter read, so the cache sees when one changes.
enum FileHash {
    /// Stands in for the hash of a file that could not be read; never equals a real hash.
    static let missing = "missing"

    static func sha256(ofFile path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return missing }
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    static func hashes(of paths: [String]) -> [String: String] {
        Dictionary(paths.map { ($0, sha256(ofFile: $0)) }, uniquingKeysWith: { first, _ in first })
    }
}
