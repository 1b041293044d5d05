import Crypto
import Foundation

/// The compiler and the `Course` build a chapter program is compiled against.
public struct Toolchain: Codable, Equatable, Sendable {
    /// Absolute path of `swiftc`.
    public var swiftc: String
    /// The folder holding `libCourse.so` and `Modules/Course.swiftmodule` (`.build/<config>/`).
    public var courseDirectory: String
    /// `swiftc --version`, verbatim.
    public var compilerVersion: String
    /// Flags every chapter program is compiled with (before the paths).
    public var flags: [String]
    /// SHA-256 over the Course build (library and module files): a rebuilt course changes it.
    public var fingerprint: String

    public static let defaultFlags = ["-swift-version", "5", "-Onone", "-diagnostic-style", "llvm"]

    public init(swiftc: String, courseDirectory: String, compilerVersion: String,
                flags: [String] = Toolchain.defaultFlags, fingerprint: String) {
        self.swiftc = swiftc
        self.courseDirectory = courseDirectory
        self.compilerVersion = compilerVersion
        self.flags = flags
        self.fingerprint = fingerprint
    }

    /// The toolchain for the running `workbook`: `$WORKBOOK_COURSE_DIR`, else the folder of the
    /// running executable (SwiftPM puts `libCourse.so` beside `workbook`).
    public static func locate() throws -> Toolchain {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["WORKBOOK_COURSE_DIR"], !override.isEmpty {
            return try at(courseDirectory: override)
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return try at(courseDirectory: executable.deletingLastPathComponent().path)
    }

    /// A toolchain for a given Course build folder (tests point this at their own build folder).
    public static func at(courseDirectory: String, swiftc: String? = nil) throws -> Toolchain {
        let directory = URL(fileURLWithPath: courseDirectory).standardizedFileURL.path
        let library = directory + "/libCourse.so"
        let module = directory + "/Modules/Course.swiftmodule"
        let files = FileManager.default
        guard files.fileExists(atPath: library), files.fileExists(atPath: module) else {
            // A broken installation, not bad input: the tool itself cannot run (exit status 3).
            throw ToolFailure("no Course build in \(directory) (expected libCourse.so and "
                + "Modules/Course.swiftmodule; run `swift build --product Course` or set WORKBOOK_COURSE_DIR)")
        }
        guard let compiler = swiftc ?? findSwiftc() else {
            throw ToolFailure("swiftc not found on PATH or beside the Swift runtime")
        }
        let version = try CompilerVersion.text(of: compiler)
        return Toolchain(swiftc: compiler, courseDirectory: directory, compilerVersion: version,
                         fingerprint: try fingerprintCourse(in: directory))
    }

    /// `swiftc` on PATH, else in the `bin/` of the toolchain whose runtime this process uses.
    static func findSwiftc() -> String? {
        let files = FileManager.default
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/swiftc"
            if files.isExecutableFile(atPath: candidate) { return candidate }
        }
        // libswiftCore.so lives in <toolchain>/usr/lib/swift/linux/; swiftc in <toolchain>/usr/bin/.
        if let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8),
           let line = maps.split(separator: "\n").first(where: { $0.hasSuffix("/libswiftCore.so") }),
           let start = line.firstIndex(of: "/") {
            let core = URL(fileURLWithPath: String(line[start...]))
            let candidate = core.deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().path + "/bin/swiftc"
            if files.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Hashes libCourse.so and every file under Modules/ whose name starts with a module the
    /// chapter program imports, each tagged with its name, in sorted order.
    static func fingerprintCourse(in directory: String) throws -> String {
        var hasher = SHA256()
        var files = ["libCourse.so"]
        let modules = directory + "/Modules"
        let entries = (try? FileManager.default.subpathsOfDirectory(atPath: modules)) ?? []
        files += entries.filter { $0.hasPrefix("Course.") || $0.hasPrefix("WorkbookRuntime.") || $0.hasPrefix("WorkbookProtocol.") }
            .sorted().map { "Modules/" + $0 }
        for name in files {
            var isDirectory: ObjCBool = false
            let path = directory + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            hasher.update(data: Data(name.utf8 + [0]))
            hasher.update(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
