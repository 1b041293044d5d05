import Foundation

/// What a served course depends on, fingerprinted by size and modification time: the chapter
/// files, the data files, the theme, and the Course library the chapters link against. Polled
/// (every 20 ms) rather than inotify: portable, and a few dozen `stat` calls cost nothing.
struct FileWatcher: Sendable {
    var folders: [String]
    var files: [String]

    typealias Snapshot = [String: String]

    func snapshot() -> Snapshot {
        var result: Snapshot = [:]
        for file in files { result[file] = Self.stamp(file) }
        for folder in folders {
            guard let names = try? FileManager.default.subpathsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                let path = "\(folder)/\(name)"
                if let stamp = Self.stamp(path) { result[path] = stamp }
            }
        }
        return result
    }

    /// Paths added, removed or changed between two snapshots.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }

    private static func stamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "\(info.st_size)-\(info.st_mtim.tv_sec)-\(info.st_mtim.tv_nsec)"
    }
}
