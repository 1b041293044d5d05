import Foundation

/// What a chapter program may see and use inside its sandbox: a plain value, so the bubblewrap
/// command line it becomes (`BubblewrapCommand.arguments`) is a pure function a test can read.
///
/// Visible, read-only: the system's libraries and tools (`/usr` and the merged-`/usr` links),
/// the few `/etc` files the dynamic loader and time zones need, the Swift runtime libraries,
/// `libCourse.so`, the compiled program and the course's `Data/` folder. Writable: a private,
/// size-capped `/tmp`. Not visible: the chapters, the rest of the course folder, other
/// students' submissions, `Output/` and its cache, the user's home, the network.
public struct SandboxPolicy: Equatable, Sendable {
    public enum Mount: Equatable, Sendable {
        /// Bound read-only at the same path.
        case readOnly(String)
        /// Bound read-only from `source` to `destination`.
        case readOnlyAt(source: String, destination: String)
        /// A symbolic link `path` → `target` (Debian's `/lib` → `usr/lib`).
        case symlink(target: String, path: String)
    }

    /// rlimits, applied by util-linux's `prlimit` inside the sandbox just before the program starts.
    public struct Limits: Equatable, Sendable {
        /// RLIMIT_AS: address space in bytes (`--memory-limit`, default 4 GiB).
        public var addressSpace: Int = 4 << 30
        /// RLIMIT_NPROC: processes and threads (not enforced for root, whom the kernel exempts).
        public var processes: Int = 256
        /// RLIMIT_NOFILE: open files.
        public var openFiles: Int = 1024
        /// RLIMIT_FSIZE: the largest file the program may write.
        public var fileSize: Int = 256 << 20
        /// RLIMIT_CPU: CPU seconds over all threads, a backstop beside the wall-clock timeouts.
        public var cpuSeconds: Int = 600

        public init() {}
    }

    /// Where the compiled program appears inside.
    public static let programPath = "/workbook/chapter"

    public var mounts: [Mount]
    /// The compiled program on the host.
    public var program: String
    /// The course root: the program starts here, so `Data/x.csv` resolves. Inside it only
    /// `Data/` exists.
    public var workingDirectory: String
    /// The course's `Data/` folder, bound read-only; nil when the course has none.
    public var dataFolder: String?
    /// Size of the private `/tmp`.
    public var temporaryBytes: Int = 256 << 20
    public var limits = Limits()
    /// The whole environment the program gets (nothing of the engine's own, so no `$HOME`).
    public var environment: [String: String]
    /// util-linux's `prlimit`, visible inside through `/usr`.
    public var prlimit = "/usr/bin/prlimit"
    /// A run that keeps kernel checkpoints: its socket folder, bound read-write at the same
    /// path, and the kernel's compiled suffixes, bound read-only (see `Kernel`).
    public var kernelSockets: String? = nil
    public var kernelLibraries: String? = nil

    public init(mounts: [Mount], program: String, workingDirectory: String, dataFolder: String?,
                environment: [String: String]) {
        self.mounts = mounts
        self.program = program
        self.workingDirectory = workingDirectory
        self.dataFolder = dataFolder
        self.environment = environment
    }
}

extension SandboxPolicy {
    /// The course root of a chapter, by the team convention: the folder holding the chapters
    /// folder, or the chapters folder itself when it has a `Data/` folder.
    public static func courseRoot(ofChapter path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        let chapters = absolute.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: chapters.appendingPathComponent("Data").path, isDirectory: &isFolder),
           isFolder.boolValue {
            return chapters.path
        }
        return chapters.deletingLastPathComponent().path
    }

    /// The course's data folder (its real path), when it has one.
    public static func dataFolder(ofCourseRoot root: String) -> String? {
        let data = root == "/" ? "/Data" : root + "/Data"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        return URL(fileURLWithPath: data).resolvingSymlinksInPath().path
    }

    /// The policy for running `program` (compiled against `toolchain`) for the chapter at
    /// `chapterPath`: what exists on this machine of the system folders, the toolchain's runtime
    /// libraries and the course's `libCourse.so`.
    public static func standard(program: String, toolchain: Toolchain, chapterPath: String,
                                memoryLimit: Int, cpuSeconds: Int) -> SandboxPolicy {
        let files = FileManager.default
        var mounts: [Mount] = [.readOnly("/usr")]
        for path in ["/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin"] {
            if let target = try? files.destinationOfSymbolicLink(atPath: path) {
                mounts.append(.symlink(target: target, path: path))
            } else if files.fileExists(atPath: path) {
                mounts.append(.readOnly(path))
            }
        }
        // The dynamic loader's cache and configuration, Debian's alternatives (BLAS), time zones.
        for path in ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives",
                     "/etc/localtime"] where files.fileExists(atPath: path) {
            mounts.append(.readOnly(path))
        }
        // libswiftCore.so and Foundation: <toolchain>/usr/lib/swift/linux, found from swiftc.
        let driver = URL(fileURLWithPath: toolchain.swiftc).resolvingSymlinksInPath()
        let runtime = driver.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lib/swift/linux").path
        if files.fileExists(atPath: runtime) && !runtime.hasPrefix("/usr/") { mounts.append(.readOnly(runtime)) }
        // The program finds libCourse.so through its rpath, the course directory as given.
        let library = toolchain.courseDirectory + "/libCourse.so"
        mounts.append(.readOnlyAt(source: URL(fileURLWithPath: library).resolvingSymlinksInPath().path,
                                  destination: library))

        let root = courseRoot(ofChapter: chapterPath)
        var environment = ["PATH": "/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8",
                           // A crash ends at once with the runtime's one-line message.
                           "SWIFT_BACKTRACE": "enable=no"]
        for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"] {
            if let value = ProcessInfo.processInfo.environment[name] { environment[name] = value }
        }
        var policy = SandboxPolicy(mounts: mounts, program: program, workingDirectory: root,
                                   dataFolder: dataFolder(ofCourseRoot: root), environment: environment)
        policy.limits.addressSpace = memoryLimit
        policy.limits.cpuSeconds = cpuSeconds
        return policy
    }
}
