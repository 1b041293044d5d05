/// How one chapter runs: the generated program, what each cell is, and the cache key.
/// Built by `Planner.plan`; read by the executor and the result cache.
public struct ExecutionPlan: Codable, Equatable, Sendable {
    /// Bumped whenever the plan or the stored result changes meaning; part of every cache key.
    public static let formatVersion = 3

    /// What happens to a cell.
    public enum CellRole: String, Codable, Sendable {
        /// Compiled into the chapter program and run.
        case run
        /// Shown only: `skip`, or a kind this mode does not run (exercises, for now).
        case displayOnly
        /// `compile-fail`: type-checked alone after the cells before it; must fail.
        case compileFail
    }

    public struct PlannedCell: Codable, Equatable, Sendable {
        public var index: Int
        public var role: CellRole
        /// Seconds this cell may run: its `timeout=` or the build's default.
        public var timeout: Double
        /// The cell's lines in the chapter, fences included: diagnostics inside belong to it.
        public var firstLine: Int
        public var lastLine: Int
        /// The code's first line, so cached diagnostics can move with the cell.
        public var firstCodeLine: Int
    }

    /// A `compile-fail` cell's own program: the running cells before it, then it.
    public struct CompileFailProgram: Codable, Equatable, Sendable {
        public var cellIndex: Int
        public var source: String
    }

    public var chapterPath: String
    /// `main.swift` of the chapter program.
    public var program: String
    /// One per cell of the chapter, same order.
    public var cells: [PlannedCell]
    public var compileFailPrograms: [CompileFailProgram]
    /// The prose line of each inline expression, by index: a crash in one is reported there.
    public var inlineLines: [Int]
    /// Bytes kept per cell and stream.
    public var outputLimit: Int
    /// Time limit for starting up before the first cell and finishing after the last.
    public var defaultTimeout: Double
    /// SHA-256 hex of everything that could change the result (see `CacheKey`).
    public var cacheKey: String

    /// The cell (if any) whose lines hold `line` of the chapter file.
    public func cell(containing line: Int) -> Int? {
        cells.first { $0.firstLine <= line && line <= $0.lastLine }?.index
    }

    public var runningCells: [Int] { cells.filter { $0.role == .run }.map(\.index) }

    /// Whether there is anything to compile and run besides `compile-fail` checks.
    public var needsProgram: Bool { !runningCells.isEmpty || !inlineLines.isEmpty }
}
