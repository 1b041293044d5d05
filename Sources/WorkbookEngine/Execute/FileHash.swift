import Crypto
import Foundation

/// SHA-256 of data files a chapter read, so the cache sees when one changes. Read in 1 MiB
/// pieces: a 2 GiB data file costs the engine 1 MiB of memory, not 2 GiB.
enum FileHash {
    /// Stands in for the hash of a file that could not be read; never equals a real hash.
    static let missing = "missing"
    static let chunkBytes = 1 << 20

    static func sha256(ofFile path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return missing }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: chunkBytes), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            return missing
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Each path the program named, resolved (relative ones from `directory`, the folder the
    /// program ran in; symlinks followed), with its hash, keyed by the resolved path so the cache
    /// can hash it again from anywhere. Only regular files inside `allowed` (the course's data
    /// folder) are read: the path comes from the chapter program, which must not make the
    /// engine read `/dev/zero` or a FIFO, or learn whether some file of the user's exists.
    static func hashes(of paths: [String], relativeTo directory: String, allowed: String?) -> [String: String] {
        Dictionary(paths.map { path in
            let joined = path.hasPrefix("/") ? path : directory + "/" + path
            let resolved = URL(fileURLWithPath: joined).standardizedFileURL.resolvingSymlinksInPath().path
            var status = stat()
            guard let allowed, resolved.hasPrefix(allowed + "/"), stat(resolved, &status) == 0,
                  status.st_mode & S_IFMT == S_IFREG else { return (resolved, missing) }
            return (resolved, sha256(ofFile: resolved))
        }, uniquingKeysWith: { first, _ in first })
    }
}
