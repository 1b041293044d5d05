/// The bubblewrap (`bwrap`) command line for a policy: a pure function, so what the sandbox
/// allows is visible in one list and checked by tests without starting anything.
///
/// - `--unshare-all`: new user, mount, PID, IPC, UTS, cgroup and network namespaces: no network,
///   and the program's PID namespace ends (killing every process in it, `setsid` daemons and
///   double forks included) when the program ends.
/// - `--die-with-parent`: the namespace is killed too when the engine dies or kills it.
/// - `--new-session`: no access to the engine's terminal (`TIOCSTI`).
/// - `--cap-drop ALL`: no capabilities even when the engine runs as root.
/// - `--clearenv` and the policy's variables: nothing of the engine's environment.
/// - mounts in order: the system read-only, a private `/tmp`, `/dev`, `/proc` (of the new PID
///   namespace), then the toolchain, `libCourse.so`, for a run that keeps kernel checkpoints its
///   own socket folder (read-write) and the compiled suffixes (read-only), the data folder and
///   the program.
/// - then `prlimit` sets the rlimits and execs the program (hard and soft alike, so the
///   program cannot raise them).
public enum BubblewrapCommand {
    public static func arguments(_ policy: SandboxPolicy) -> [String] {
        var out = ["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                   "--hostname", "workbook", "--clearenv"]
        for (name, value) in policy.environment.sorted(by: { $0.key < $1.key }) {
            out += ["--setenv", name, value]
        }
        var late: [String] = []
        for mount in policy.mounts {
            switch mount {
            case .readOnly(let path) where path == "/usr" || isSystem(path):
                out += ["--ro-bind", path, path]
            case .symlink(let target, let path):
                out += ["--symlink", target, path]
            case .readOnly(let path):
                late += ["--ro-bind", path, path]
            case .readOnlyAt(let source, let destination):
                late += ["--ro-bind", source, destination]
            }
        }
        out += ["--size", String(policy.temporaryBytes), "--tmpfs", "/tmp", "--dev", "/dev", "--proc", "/proc"]
        out += late
        if let sockets = policy.kernelSockets { out += ["--bind", sockets, sockets] }
        if let libraries = policy.kernelLibraries { out += ["--ro-bind", libraries, libraries] }
        out += ["--dir", policy.workingDirectory]
        if let data = policy.dataFolder {
            out += ["--ro-bind", data, join(policy.workingDirectory, "Data")]
        }
        out += ["--ro-bind", policy.program, SandboxPolicy.programPath, "--chdir", policy.workingDirectory, "--"]
        let limits = policy.limits
        out += [policy.prlimit,
                "--as=\(limits.addressSpace)", "--nproc=\(limits.processes)", "--nofile=\(limits.openFiles)",
                "--fsize=\(limits.fileSize)", "--cpu=\(limits.cpuSeconds)", "--", SandboxPolicy.programPath]
        return out
    }

    /// Folders of the system image, bound before `/tmp` and `/dev` are made.
    private static func isSystem(_ path: String) -> Bool {
        ["/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin", "/etc/"].contains { path == $0 || path.hasPrefix($0 + "/") || (path.hasPrefix($0) && $0.hasSuffix("/")) }
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
