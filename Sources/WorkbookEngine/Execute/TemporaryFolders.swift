import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The per-run folders chapter programs are compiled in: `workbook-run-<pid>-XXXXXX` in the temp
/// folder, so the first run of a later `workbook` removes the folders of one that was killed
/// (Ctrl-C, a crash) before it could clean up: any whose owner process no longer exists.
enum TemporaryFolders {
    static let prefix = "workbook-run-"

    static func make() throws -> String {
        sweepOnce
        var template = Array((NSTemporaryDirectory() + "/\(prefix)\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw WorkbookError("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }

    /// Runs `sweep` once per process, on first use.
    private static let sweepOnce: Void = sweep(in: NSTemporaryDirectory())

    /// Removes `workbook-run-<pid>-*` folders whose pid is not running.
    static func sweep(in folder: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in entries where name.hasPrefix(prefix) {
            let owner = name.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
            guard let owner, owner != getpid(), kill(owner, 0) != 0 && errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }
}
