import Foundation

/// Runs `swiftc` on the plan's programs: the chapter program (compiled and linked against
/// Course) and each `compile-fail` cell's program (type-checked only), all at once.
struct ChapterCompiler {
    struct Outcome {
        var succeeded: Bool
        var diagnostics: [Diagnostic]
        var seconds: Double
        /// Set when swiftc could not be started at all.
        var toolFailure: String? = nil
    }

    let toolchain: Toolchain
    let directory: String
    /// Build the program so that kernel checkpoints of it can resume edited suffixes.
    var forCheckpoints = false

    static let moduleName = "WorkbookChapter"

    var executablePath: String { directory + "/chapter" }

    /// The chapter program's outcome (nil when the plan has nothing to run), then one per
    /// `plan.compileFailPrograms` entry, in that order.
    func compileAll(_ plan: ExecutionPlan) -> (main: Outcome?, compileFails: [Outcome]) {
        var jobs: [[String]] = []
        if plan.needsProgram {
            let mainSource = directory + "/main.swift"
            write(plan.program, to: mainSource)
            // -g: line tables, so a trap's frames map back to `.md` lines (TrapSymbolizer).
            // A run that keeps kernel checkpoints is testable with its symbols exported, so a
            // checkpoint can load a suffix compiled against its cells (see `Kernel`). Other runs
            // are not: exported names replace the image offsets `TrapSymbolizer` maps to lines.
            let checkpointFlags = forCheckpoints ? ["-enable-testing", "-Xlinker", "--export-dynamic"] : []
            jobs.append(toolchain.flags + ["-g"] + linkArguments + checkpointFlags
                        + ["-module-name", Self.moduleName, mainSource, "-o", executablePath])
        }
        for (number, program) in plan.compileFailPrograms.enumerated() {
            let folder = directory + "/compile-fail-\(number)"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            write(program.source, to: folder + "/main.swift")
            jobs.append(toolchain.flags + ["-typecheck", "-I", toolchain.courseDirectory + "/Modules",
                                           "-module-name", Self.moduleName, folder + "/main.swift"])
        }
        let outcomes = ResultSlots<Outcome>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { number in
            outcomes[number] = compile(arguments: jobs[number])
        }
        let all = outcomes.values
        return plan.needsProgram ? (all[0], Array(all.dropFirst())) : (nil, all)
    }

    var linkArguments: [String] {
        let course = toolchain.courseDirectory
        return ["-I", course + "/Modules", "-L", course, "-lCourse",
                "-Xlinker", "-rpath", "-Xlinker", course]
    }

    func compile(arguments: [String]) -> Outcome {
        let started = Monotonic.seconds()
        do {
            let run = try ProcessRunner.run(executable: toolchain.swiftc, arguments: arguments)
            let output = String(decoding: run.stderr + run.stdout, as: UTF8.self)
            var diagnostics = DiagnosticParser.parse(output)
            let succeeded = run.exit == .exited(0)
            if !succeeded && !diagnostics.contains(where: { $0.severity == "error" }) {
                diagnostics.append(Diagnostic(file: "", line: 0, column: 0, severity: "error",
                                              message: "swiftc failed: \(output)"))
            }
            return Outcome(succeeded: succeeded, diagnostics: diagnostics, seconds: Monotonic.seconds() - started)
        } catch {
            let message = (error as? WorkbookError)?.message ?? "\(error)"
            return Outcome(succeeded: false,
                           diagnostics: [Diagnostic(file: "", line: 0, column: 0, severity: "error",
                                                    message: "\(error)")],
                           seconds: Monotonic.seconds() - started, toolFailure: "cannot run the compiler: \(message)")
        }
    }

    private func write(_ text: String, to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
}

/// Fixed slots filled from concurrent iterations, each slot by exactly one of them.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [Value] { lock.withLock { slots.map { $0! } } }
}
