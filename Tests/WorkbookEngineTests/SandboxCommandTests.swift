import Foundation
import Testing
@testable import WorkbookEngine

@Suite("Sandbox: the policy and the bubblewrap command line it becomes")
struct SandboxCommandTests {
    func policy() -> SandboxPolicy {
        var policy = SandboxPolicy(
            mounts: [.readOnly("/usr"), .symlink(target: "usr/lib", path: "/lib"), .readOnly("/etc/ld.so.cache"),
                     .readOnly("/opt/swift/usr/lib/swift/linux"),
                     .readOnlyAt(source: "/work/course/.build/x86_64/debug/libCourse.so",
                                 destination: "/work/course/.build/debug/libCourse.so")],
            program: "/tmp/workbook-run-1-abc/chapter", workingDirectory: "/work/course",
            dataFolder: "/work/course/Data", environment: ["HOME": "/tmp", "PATH": "/usr/bin:/bin"])
        policy.limits.addressSpace = 1 << 30
        policy.limits.cpuSeconds = 120
        return policy
    }

    @Test func theCommandLineSaysExactlyWhatIsVisible() {
        let arguments = BubblewrapCommand.arguments(policy())
        #expect(arguments == [
            "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--hostname", "workbook",
            "--clearenv", "--setenv", "HOME", "/tmp", "--setenv", "PATH", "/usr/bin:/bin",
            "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache",
            "--size", "268435456", "--tmpfs", "/tmp", "--dev", "/dev", "--proc", "/proc",
            "--ro-bind", "/opt/swift/usr/lib/swift/linux", "/opt/swift/usr/lib/swift/linux",
            "--ro-bind", "/work/course/.build/x86_64/debug/libCourse.so", "/work/course/.build/debug/libCourse.so",
            "--dir", "/work/course", "--ro-bind", "/work/course/Data", "/work/course/Data",
            "--ro-bind", "/tmp/workbook-run-1-abc/chapter", "/workbook/chapter", "--chdir", "/work/course", "--",
            "/usr/bin/prlimit", "--as=1073741824", "--nproc=256", "--nofile=1024", "--fsize=268435456", "--cpu=120",
            "--", "/workbook/chapter",
        ])
    }

    /// A run that keeps kernel checkpoints sees its own run's socket folder (read-write: its
    /// checkpoints listen there) and the compiled suffixes (read-only), nothing else of the kernel's.
    @Test func aCheckpointingRunSeesItsSocketFolderAndTheSuffixesReadOnly() {
        var kernel = policy()
        kernel.kernelSockets = "/tmp/workbook-run-9-k/sockets/r3"
        kernel.kernelLibraries = "/tmp/workbook-run-9-k/suffixes"
        let arguments = BubblewrapCommand.arguments(kernel)
        let plain = BubblewrapCommand.arguments(policy())
        let at = arguments.firstIndex(of: "--dir")!
        #expect(Array(arguments[(at - 6)..<at]) == ["--bind", "/tmp/workbook-run-9-k/sockets/r3", "/tmp/workbook-run-9-k/sockets/r3",
                                                    "--ro-bind", "/tmp/workbook-run-9-k/suffixes", "/tmp/workbook-run-9-k/suffixes"])
        // After the private /tmp, so the binds are not hidden by it.
        #expect(arguments.firstIndex(of: "--tmpfs")! < at - 6)
        #expect(arguments.count == plain.count + 6)
    }

    @Test func noDataFolderMeansOnlyAnEmptyWorkingDirectory() {
        var withoutData = policy()
        withoutData.dataFolder = nil
        let arguments = BubblewrapCommand.arguments(withoutData)
        #expect(!arguments.contains("/work/course/Data"))
        #expect(arguments.contains("--dir"))
    }

    @Test func theStandardPolicyHidesTheCourseHomeAndOutput() throws {
        let toolchain = try ExecuteFixtures.toolchainOrFail()
        let scratch = try makeScratchFolder(["Chapters/01-a.md": "# A\n", "Data/x.csv": "1\n"])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let policy = SandboxPolicy.standard(program: "/tmp/p/chapter", toolchain: toolchain,
                                            chapterPath: scratch + "/Chapters/01-a.md",
                                            memoryLimit: 4 << 30, cpuSeconds: 60)
        let real = URL(fileURLWithPath: scratch).resolvingSymlinksInPath().path
        #expect(policy.workingDirectory == URL(fileURLWithPath: scratch).standardizedFileURL.path)
        #expect(policy.dataFolder == real + "/Data")
        #expect(policy.limits.addressSpace == 4 << 30)
        let arguments = BubblewrapCommand.arguments(policy)
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        for hidden in [scratch + "/Chapters", scratch + "/Chapters/01-a.md", scratch + "/Output", home] {
            #expect(!arguments.contains(hidden), "\(hidden) must not be visible")
        }
        #expect(policy.environment["HOME"] == "/tmp")
        #expect(!policy.environment.keys.contains { $0.hasPrefix("WORKBOOK") })
    }

    @Test func theCourseRootFollowsTheTeamConvention() throws {
        let scratch = try makeScratchFolder(["course/Chapters/a.md": "", "course/Data/x": "",
                                             "flat/a.md": "", "flat/Data/x": ""])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        #expect(SandboxPolicy.courseRoot(ofChapter: scratch + "/course/Chapters/a.md") == scratch + "/course")
        #expect(SandboxPolicy.courseRoot(ofChapter: scratch + "/flat/a.md") == scratch + "/flat")
    }
}

