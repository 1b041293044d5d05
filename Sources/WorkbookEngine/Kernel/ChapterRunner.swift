import Foundation

/// The one seam between the commands and how a chapter's plan becomes a result: `build`, `run`,
/// `check` and `grade` all go through it. `FullRunner` compiles and runs the whole program;
/// `Kernel` resumes from a checkpoint when it has one that fits, and runs in full otherwise.
public protocol ChapterRunner: Sendable {
    func run(_ plan: ExecutionPlan, chapter: Chapter, toolchain: Toolchain, options: RunOptions,
             events: (@Sendable (RunEvent) -> Void)?) -> ChapterResult
}

/// Every cell from the top, every time.
public struct FullRunner: ChapterRunner {
    public init() {}

    public func run(_ plan: ExecutionPlan, chapter: Chapter, toolchain: Toolchain, options: RunOptions,
                    events: (@Sendable (RunEvent) -> Void)?) -> ChapterResult {
        Executor.run(plan, chapter: chapter, toolchain: toolchain, options: options, events: events)
    }
}

extension RunOptions {
    /// The runner these options ask for.
    public var runner: ChapterRunner {
        // Grading (the sandbox required) resumes no student from shared checkpoints (see `Kernel.run`).
        if sandbox == .required { return FullRunner() }
        switch kernel {
        case .off: return FullRunner()
        case .inProcess: return Kernel.shared
        case .daemon:
            let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
            return DaemonRunner(folder: folder, idleTimeout: kernelIdleTimeout)
        }
    }
}

extension RunOptions {
    /// Whether chapter programs run in the bubblewrap sandbox under these options.
    var isSandboxed: Bool {
        sandbox == .required || (sandbox == .preferred && Sandbox.unavailableReason == nil)
    }
}
