import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way the engine writes a file (chapters, pages, the cache, grades, reports): into a
/// temporary file in the target's own folder, then `rename`, so a reader sees the old file or
/// the new one, never half of one. A symlink is followed to its target, which is replaced; an
/// existing file keeps its mode and (where allowed) its owner. Failures are `ToolFailure`s.
public enum AtomicWrite {
    /// Temporary files are `.NAME.workbook-tmp-PID-N`: a later run removes those of dead pids.
    static let marker = ".workbook-tmp-"

    /// `durable`: fsync before the rename (for files a user wrote, such as chapters).
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = false) throws {
        let target = followLinks(path)
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let directory = folder.isEmpty ? "." : folder
        StaleTemporaries.sweepFiles(in: directory)
        func failure(_ what: String = String(cString: strerror(errno))) -> ToolFailure {
            ToolFailure("cannot write \(path): \(what)")
        }
        var existing = stat()
        let exists = stat(target, &existing) == 0
        if exists && (existing.st_mode & S_IFMT) == S_IFDIR { throw failure("it is a folder") }
        let temporary = "\(directory)/.\(name)\(marker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? existing.st_mode & 0o7777 : 0o666)
        guard descriptor >= 0 else { throw failure() }
        var written = 0
        var ok = true
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 { if errno == EINTR { continue }; ok = false; return }
                written += count
            }
        }
        if ok && exists {
            // The umask narrowed the mode at open; the owner stays when we may set it (root).
            ok = fchmod(descriptor, existing.st_mode & 0o7777) == 0
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
        }
        if ok && durable { ok = fsync(descriptor) == 0 }
        let reason = String(cString: strerror(errno))
        close(descriptor)
        guard ok, rename(temporary, target) == 0 else {
            let why = ok ? String(cString: strerror(errno)) : reason
            unlink(temporary)
            throw failure(why)
        }
    }

    /// Creates `folder` and its parents; a `ToolFailure` when it cannot.
    public static func makeFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ToolFailure("cannot create the folder \(folder): \((error as NSError).localizedFailureReason ?? "\(error)")")
        }
    }

    /// The file a chain of symlinks ends at (the path itself when it is not a link).
    static func followLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { break }
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }
}

/// Folders and files an interrupted run left behind: named with the writer's pid, removed by the
/// next run once that pid is dead. A live pid's are left alone (another run is using them).
enum StaleTemporaries {
    /// Temporary folders for compiling and running: `$TMPDIR/workbook-run-PID-XXXXXX`.
    static let folderPrefix = "workbook-run-"

    private static let lock = NSLock()
    nonisolated(unsafe) private static var swept = Set<String>()

    /// Once per folder and process.
    static func sweepFiles(in folder: String) {
        guard lock.withLock({ swept.insert("files:" + folder).inserted }) else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard let range = name.range(of: AtomicWrite.marker), name.hasPrefix("."),
                  let pid = leadingPID(name[range.upperBound...]), isDead(pid) else { continue }
            unlink(folder + "/" + name)
        }
    }

    static func sweepFolders(in temporary: String) {
        guard lock.withLock({ swept.insert("folders:" + temporary).inserted }) else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] {
            guard name.hasPrefix(folderPrefix), let pid = leadingPID(name.dropFirst(folderPrefix.count)), isDead(pid)
            else { continue }
            try? FileManager.default.removeItem(atPath: temporary + "/" + name)
        }
    }

    /// `1234-…` → 1234.
    private static func leadingPID(_ text: Substring) -> pid_t? {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, text.dropFirst(digits.count).first == "-" else { return nil }
        return pid_t(digits)
    }

    static func isDead(_ pid: pid_t) -> Bool {
        pid > 0 && kill(pid, 0) != 0 && errno == ESRCH
    }
}

/// A private temporary folder for one compile-and-run, removed by its owner; one left by a
/// run that was killed is removed by the next.
public enum TemporaryFolder {
    public static func make() throws -> String {
        var base = NSTemporaryDirectory()
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        StaleTemporaries.sweepFolders(in: base)
        var template = Array("\(base)/\(StaleTemporaries.folderPrefix)\(getpid())-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ToolFailure("cannot create a temporary folder in \(base): \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }
}
