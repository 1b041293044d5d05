@testable import WorkbookEngine

/// Chapters and results built by hand, as Parse and Execute would hand them to Render.
enum RenderFixtures {
    /// A one-cell chapter whose cell has the given attributes, plus prose around it.
    static func chapter(cells: [(code: String, attributes: CellAttributes)], prose: [String] = [],
                        slug: String = "01-test", title: String = "Test chapter") -> Chapter {
        var blocks: [Block] = prose.map { .prose(html: $0) }
        var line = 3
        var built: [Cell] = []
        for (index, cell) in cells.enumerated() {
            let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
            built.append(Cell(index: index, code: cell.code, fenceLine: line,
                              closingFenceLine: line + lines, attributes: cell.attributes))
            blocks.append(.cell(index: index))
            line += lines + 3
        }
        return Chapter(path: "Chapters/\(slug).md", slug: slug, title: title, source: "",
                       blocks: blocks, cells: built, inlines: [])
    }

    static func attributes(_ change: (inout CellAttributes) -> Void = { _ in }) -> CellAttributes {
        var attributes = CellAttributes()
        change(&attributes)
        return attributes
    }

    static func inline(_ index: Int) -> String {
        InlineExpression(index: index, code: "x", line: 1).placeholder
    }

    // MARK: A realistic chapter: backpropagation on f(x, y, z) = (x + y) z, crashing near the end

    static let backpropChapter: Chapter = {
        let prose = [
            "<h1>Backpropagation on a tiny graph</h1>",
            "<p>We follow one function through its computational graph, "
                + "<span class=\"math math-inline\">f(x, y, z) = (x + y)\\,z</span>, at the point "
                + "<span class=\"math math-inline\">x = -2</span>, <span class=\"math math-inline\">y = 5</span>, "
                + "<span class=\"math math-inline\">z = -4</span>. Naming the sum "
                + "<span class=\"math math-inline\">q = x + y</span> splits it into two simple nodes.</p>",
            "<p>The forward pass gives <code>f</code> = \(inline(0)) with <code>q</code> = \(inline(1)).</p>",
            "<p>By the chain rule each input's gradient is the upstream gradient times the local one:</p>\n"
                + "<p><span class=\"math math-display\">\\frac{\\partial f}{\\partial x} = "
                + "\\frac{\\partial f}{\\partial q}\\,\\frac{\\partial q}{\\partial x} = z \\cdot 1</span></p>",
            "<h2>Checking against a numerical gradient</h2>\n<p>The largest central-difference error is "
                + "\(inline(2)).</p>",
        ]
        let cells: [(String, CellAttributes)] = [
            ("let x = -2.0, y = 5.0, z = -4.0\nlet q = x + y      // 3\nlet f = q * z      // -12\n"
                + "print(\"q = \\(q), f = \\(f)\")\n", attributes()),
            ("// Backward pass: start from df/df = 1 and walk the graph in reverse.\nlet dfdq = z\n"
                + "let dfdz = q\nlet dfdx = dfdq * 1.0, dfdy = dfdq * 1.0\n"
                + "print(\"df/dx = \\(dfdx)  df/dy = \\(dfdy)  df/dz = \\(dfdz)\")\n", attributes()),
            ("let gradients = [\"x\": dfdx, \"y\": dfdy, \"z\": dfdz]\n", attributes { $0.hide = true }),
            ("/// Students: return ∂f/∂y at any point.\nfunc gradientY(x: Double, y: Double, z: Double) -> Double {\n"
                + "    z   /* d(x + y)/dy = 1, times z */\n}\nprint(gradientY(x: -2, y: 5, z: -4))\n",
             attributes { $0.kind = .exercise; $0.id = "grad-y"; $0.points = 2 }),
            ("BarChart(gradients).show()\n", attributes()),
            ("let h = 1e-5\nlet samples = (0..<60).map { Double($0) * h }\nprint(samples)\n", attributes()),
            ("q = 4   // q is a constant\n", attributes { $0.compileFail = true }),
            ("let slow = train(epochs: 10_000)\n", attributes { $0.skip = true }),
            ("let errors = [1.0e-10, 2.5e-11]\nprint(\"checking\", errors.count, \"gradients\")\n"
                + "print(errors[2])\n", attributes()),
            ("print(\"largest error:\", errors.max()!)\n", attributes()),
        ]
        let blocks: [Block] = [.prose(html: prose[0]), .prose(html: prose[1]), .cell(index: 0), .prose(html: prose[2]),
                               .prose(html: prose[3]), .cell(index: 1), .cell(index: 2), .cell(index: 3),
                               .cell(index: 4), .cell(index: 5), .cell(index: 6), .cell(index: 7),
                               .prose(html: prose[4]), .cell(index: 8), .cell(index: 9)]
        var line = 5
        let built = cells.enumerated().map { index, cell -> Cell in
            let lines = cell.0.split(separator: "\n").count
            defer { line += lines + 4 }
            return Cell(index: index, code: cell.0, fenceLine: line, closingFenceLine: line + lines + 1,
                        attributes: cell.1)
        }
        return Chapter(path: "Chapters/03-backprop.md", slug: "03-backprop", title: "Backpropagation on a tiny graph",
                       source: "", blocks: blocks, cells: built,
                       inlines: (0..<3).map { InlineExpression(index: $0, code: "v\($0)", line: 9) })
    }()

    static let barChartSVG = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 420 160" width="420" height="160" \
        role="img" aria-label="Gradients of f"><line x1="40" y1="80" x2="410" y2="80" stroke="#888"/>\
        <rect x="60" y="80" width="80" height="48" fill="#4c78a8"/><rect x="180" y="80" width="80" height="48" \
        fill="#4c78a8"/><rect x="300" y="44" width="80" height="36" fill="#f58518"/>\
        <text x="100" y="148" text-anchor="middle" font-size="13">∂f/∂x = −4</text>\
        <text x="220" y="148" text-anchor="middle" font-size="13">∂f/∂y = −4</text>\
        <text x="340" y="36" text-anchor="middle" font-size="13">∂f/∂z = 3</text></svg>
        """

    static let backpropResult: ChapterResult = {
        let samples = (0..<60).map { "\(Double($0) * 1e-5)" }.joined(separator: ", ")
        let cells = [
            CellResult(index: 0, status: .ok, stdout: .init(text: "q = 3.0, f = -12.0\n"), seconds: 0.0012),
            CellResult(index: 1, status: .ok, stdout: .init(text: "df/dx = -4.0  df/dy = -4.0  df/dz = 3.0\n"),
                       seconds: 0.0004),
            CellResult(index: 2, status: .ok, seconds: 0.0001),
            CellResult(index: 3, status: .ok, stdout: .init(text: "-4.0\n"), seconds: 0.0002),
            CellResult(index: 4, status: .ok,
                       displays: [DisplayItem(text: "x  -4.0 ████\ny  -4.0 ████\nz   3.0 ███", html: barChartSVG)],
                       seconds: 0.003),
            CellResult(index: 5, status: .ok, stdout: .init(text: "[\(samples)]\n"),
                       stderr: .init(text: "note: 60 samples <of> 60\n"), seconds: 0.0002),
            CellResult(index: 6, status: .failedToCompileAsExpected,
                       diagnostics: [Diagnostic(file: "Chapters/03-backprop.md", line: 44, column: 1, severity: "error",
                                                message: "cannot assign to value: 'q' is a 'let' constant")]),
            CellResult(index: 7, status: .skipped),
            CellResult(index: 8, status: .crashed, stdout: .init(text: "checking 2 gradients\n"),
                       trapMessage: "Fatal error: Index out of range", seconds: 0.05),
            CellResult(index: 9, status: .notRun),
        ]
        return ChapterResult(path: "Chapters/03-backprop.md", status: .crashed, cells: cells,
                             inlineValues: [0: "-12.0", 1: "3.0"], compileSeconds: 0.41, runSeconds: 0.06)
    }()

    // MARK: A chapter that times out with a chatty cell

    static let kmeansChapter = chapter(
        cells: [("var centroids = [[0.0, 0.0], [4.0, 4.0]]\nfor step in 0..<1_000_000 {\n"
                 + "    print(\"step \\(step): <script>alert(1)</script>\")\n}\n", attributes()),
                ("while true { }\n", attributes { $0.timeout = 2 }),
                ("print(centroids)\n", attributes())],
        prose: ["<h1>k-means, slowly</h1>", "<p>Lloyd's algorithm alternates assignment and update steps.</p>"],
        slug: "04-kmeans", title: "k-means, slowly")

    static let kmeansResult = ChapterResult(
        path: "Chapters/04-kmeans.md", status: .timedOut,
        cells: [CellResult(index: 0, status: .ok,
                           stdout: .init(text: (0..<40).map { "step \($0): <script>alert(1)</script>\n" }.joined(),
                                         droppedBytes: 3_355_443),
                           seconds: 0.9),
                CellResult(index: 1, status: .timedOut, trapMessage: "timed out after 2 s", seconds: 2),
                CellResult(index: 2, status: .notRun)])

    static let introChapter = chapter(cells: [("print(\"hello\")\n", attributes())],
                                      prose: ["<h1>Getting started</h1>"], slug: "01-intro", title: "Getting started")
    static let introResult = ChapterResult(path: "Chapters/01-intro.md", status: .passed,
                                           cells: [CellResult(index: 0, status: .ok, stdout: .init(text: "hello\n"))])

    static var summaries: [ChapterSummary] {
        [ChapterSummary(chapter: introChapter, result: introResult),
         ChapterSummary(chapter: backpropChapter, result: backpropResult),
         ChapterSummary(chapter: kmeansChapter, result: kmeansResult)]
    }

    /// Every page of the fixture site, as the pipeline would pass them to `SiteWriter`.
    static func sitePages(_ renderer: ReportRenderer) -> [String: String] {
        let all = summaries
        return ["index.html": renderer.indexPage(all),
                "01-intro.html": renderer.chapterPage(introChapter, result: introResult, all: all),
                "03-backprop.html": renderer.chapterPage(backpropChapter, result: backpropResult, all: all),
                "04-kmeans.html": renderer.chapterPage(kmeansChapter, result: kmeansResult, all: all)]
    }
}
