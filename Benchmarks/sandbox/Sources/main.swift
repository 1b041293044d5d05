// The sandbox's cost per chapter program: the same compiled program (a one-cell chapter
// program linked against libCourse) started N times directly and N times through the exact
// bubblewrap + prlimit command line the engine uses, alternating, so machine load hits both
// alike. Prints the median of each and the difference per run, then one JSON line.
// Usage: sandbox-bench [RUNS] [STARTS]   (Benchmarks/sandbox/run.sh builds and runs it)
import Foundation
import WorkbookEngine

func seconds(_ executable: String, _ arguments: [String]) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    process.waitUntilExit()
    let end = DispatchTime.now().uptimeNanoseconds
    guard process.terminationStatus == 0 else { throw NSError(domain: "bench", code: Int(process.terminationStatus)) }
    return Double(end - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let arguments = CommandLine.arguments
let runs = arguments.count > 1 ? Int(arguments[1]) ?? 3 : 3
let starts = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20

let toolchain = try Toolchain.locate()
let work = NSTemporaryDirectory() + "/workbook-sandbox-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: work + "/Chapters", withIntermediateDirectories: true)
try FileManager.default.createDirectory(atPath: work + "/Data", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }
let source = work + "/main.swift"
try """
import Course
import WorkbookRuntime
let session = WorkbookRuntime.ChapterSession.start()
session.beginCell(0)
print(Tensor([[1.0, 2.0], [3.0, 4.0]]).shape)
session.end()
""".write(toFile: source, atomically: true, encoding: .utf8)
let program = work + "/chapter"
let course = toolchain.courseDirectory
_ = try seconds(toolchain.swiftc, toolchain.flags + ["-I", course + "/Modules", "-L", course, "-lCourse",
                                                     "-Xlinker", "-rpath", "-Xlinker", course, source, "-o", program])
guard let bwrap = Sandbox.bubblewrap, Sandbox.unavailableReason == nil else {
    print("error: no sandbox here: \(Sandbox.unavailableReason ?? "no bwrap")")
    exit(3)
}
let policy = SandboxPolicy.standard(program: program, toolchain: toolchain, chapterPath: work + "/Chapters/01.md",
                                    memoryLimit: 4 << 30, cpuSeconds: 120)
let sandboxed = BubblewrapCommand.arguments(policy)

print("sandbox overhead per chapter program (\(ProcessInfo.processInfo.activeProcessorCount) cores, machine shared; "
      + "\(starts) starts each way per run, medians)")
var overheads: [Double] = []
var direct: [Double] = []
var inside: [Double] = []
for run in 1...runs {
    var plain: [Double] = [], boxed: [Double] = []
    _ = try seconds(program, []); _ = try seconds(bwrap, sandboxed)  // warm the page cache
    for _ in 0..<starts {
        plain.append(try seconds(program, []))
        boxed.append(try seconds(bwrap, sandboxed))
    }
    let (p, b) = (median(plain), median(boxed))
    overheads.append(b - p)
    direct.append(p)
    inside.append(b)
    print(String(format: "  run %d: direct %.1f ms, sandboxed %.1f ms, overhead %.1f ms", run, p * 1000, b * 1000, (b - p) * 1000))
}
print(String(format: "overhead %.1f–%.1f ms over %d runs (goal < 50 ms)", overheads.min()! * 1000, overheads.max()! * 1000, runs))
let json: [String: Any] = [
    "benchmark": "sandbox-overhead", "runs": runs, "starts_per_run": starts,
    "overhead_ms": overheads.map { ($0 * 10000).rounded() / 10 },
    "direct_ms": direct.map { ($0 * 10000).rounded() / 10 },
    "sandboxed_ms": inside.map { ($0 * 10000).rounded() / 10 },
    "goal_ms": 50,
]
let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
