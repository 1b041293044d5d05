/// Turns a parsed chapter into one Swift program (top-level code in `main.swift`, so state is
/// shared from cell to cell), with `#sourceLocation` around every cell and inline expression so
/// each diagnostic and trap names the `.md` file and line.
public enum Planner {
    /// The kinds that run in a normal (teacher) build. A student mode runs `.exercise` instead of
    /// `.solution`: pass its set as `runKinds`.
    public static let teacherRunKinds: Set<CellKind> = [.code, .solution, .check]

    public static func plan(_ chapter: Chapter, toolchain: Toolchain, options: RunOptions,
                            runKinds: Set<CellKind> = teacherRunKinds) -> ExecutionPlan {
        let planned = chapter.cells.map { cell in
            ExecutionPlan.PlannedCell(
                index: cell.index, role: role(of: cell, runKinds: runKinds),
                timeout: cell.attributes.timeout ?? options.timeout,
                firstLine: cell.fenceLine, lastLine: max(cell.fenceLine, cell.closingFenceLine),
                firstCodeLine: cell.firstCodeLine)
        }
        let running = planned.filter { $0.role == .run }.map { chapter.cells[$0.index] }
        let program = ProgramWriter(path: chapter.path, session: ProgramWriter.randomSessionName())
            .program(cells: running, inlines: chapter.inlines, withRuntime: true)
        let compileFails = planned.filter { $0.role == .compileFail }.map { entry in
            let before = running.filter { $0.index < entry.index }
            return ExecutionPlan.CompileFailProgram(
                cellIndex: entry.index,
                source: ProgramWriter(path: chapter.path)
                    .program(cells: before + [chapter.cells[entry.index]], inlines: [], withRuntime: false))
        }
        let key = CacheKey.compute(chapter: chapter, planned: planned, toolchain: toolchain,
                                   options: options, runKinds: runKinds)
        return ExecutionPlan(chapterPath: chapter.path, program: program, cells: planned,
                             compileFailPrograms: compileFails, inlineLines: chapter.inlines.map(\.line), outputLimit: options.outputLimit,
                             defaultTimeout: options.timeout, cacheKey: key)
    }

    static func role(of cell: Cell, runKinds: Set<CellKind>) -> ExecutionPlan.CellRole {
        if cell.attributes.skip || !runKinds.contains(cell.attributes.kind) { return .displayOnly }
        return cell.attributes.compileFail ? .compileFail : .run
    }
}

/// Writes the Swift source of a chapter program.
///
/// The glue keeps the runtime's session in a global named `session`, chosen at random for each
/// plan (`randomSessionName`): chapter code was written before the name existed, so it cannot
/// call the session's methods (begin a cell, end the program) itself.
struct ProgramWriter {
    let path: String
    var session = "__workbookSession"

    /// `__workbookSession_` and 128 random bits in hex; exercises may not declare `__workbook…` names.
    static func randomSessionName() -> String {
        var generator = SystemRandomNumberGenerator()
        return "__workbookSession_" + (0..<4).map { _ in
            let word = String(generator.next() as UInt32, radix: 16)
            return String(repeating: "0", count: 8 - word.count) + word
        }.joined()
    }

    func program(cells: [Cell], inlines: [InlineExpression], withRuntime: Bool) -> String {
        // Every program, compile-fail checks included, sees what chapter code may call: the
        // course and the runtime's `expect…`; only the running one opens the session.
        var out = "import Course\nimport WorkbookRuntime\n"
        if withRuntime { out += "let \(session) = WorkbookRuntime.ChapterSession.start()\n" }
        return out + body(cells: cells, inlines: inlines, withRuntime: withRuntime)
    }

    /// The rest of a chapter program from its cell `cells.first` on, to run in a kernel checkpoint
    /// taken at that cell: the module of the cells above is imported (`@testable`, so its
    /// internal declarations are visible), as are the modules they imported; `inlines` are those
    /// after that cell. The session is already open: it is the checkpoint program's, so this
    /// writer must carry that program's session name.
    func suffix(cells: [Cell], inlines: [InlineExpression], imports: [String], prefixModule: String) -> String {
        var out = "import Course\nimport WorkbookRuntime\n"
        for module in imports { out += "import \(module)\n" }
        out += "@testable import \(prefixModule)\n"
        return out + body(cells: cells, inlines: inlines, withRuntime: true)
    }

    private func body(cells: [Cell], inlines: [InlineExpression], withRuntime: Bool) -> String {
        var out = ""
        var pendingInlines = inlines.sorted { ($0.line, $0.index) < ($1.line, $1.index) }[...]
        for cell in cells {
            // An inline value is computed after every cell above it in the document.
            while let inline = pendingInlines.first, inline.line < cell.fenceLine {
                out += inlineStatement(inline, withRuntime: withRuntime)
                pendingInlines = pendingInlines.dropFirst()
            }
            if withRuntime { out += "\(session).beginCell(\(cell.index))\n" }
            out += located(line: cell.firstCodeLine, cell.code)
        }
        for inline in pendingInlines { out += inlineStatement(inline, withRuntime: withRuntime) }
        if withRuntime { out += "\(session).end()\n" }
        return out
    }

    private func inlineStatement(_ inline: InlineExpression, withRuntime: Bool) -> String {
        // Announced first, so a trap while evaluating it is not blamed on the cell before.
        (withRuntime ? "\(session).beginInline(\(inline.index))\n" : "")
            + located(line: inline.line, "\(session).inline(\(inline.index), (\(inline.code)))")
    }

    private func located(line: Int, _ code: String) -> String {
        var body = code
        if !body.hasSuffix("\n") { body += "\n" }
        return "#sourceLocation(file: \(swiftStringLiteral(path)), line: \(line))\n" + body + "#sourceLocation()\n"
    }

    private func swiftStringLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
