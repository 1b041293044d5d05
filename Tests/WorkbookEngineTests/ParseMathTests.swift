import Testing
@testable import WorkbookEngine

@Suite struct ParseMathTests {
    private func html(_ markdown: String) throws -> String { proseHTML(try parseChapter(markdown)) }

    @Test func subscriptsAndStarsSurviveInlineMath() throws {
        #expect(try html("Here $a_1 * b_2$ and $c_3 * d_4$.\n") ==
            "<p>Here <span class=\"math math-inline\">a_1 * b_2</span> and <span class=\"math math-inline\">c_3 * d_4</span>.</p>\n")
    }

    @Test func dollarAmountsAreNotMath() throws {
        #expect(try html("It costs $5 and $6 today.\n") == "<p>It costs $5 and $6 today.</p>\n")
        // A closer followed by a digit does not close.
        #expect(try html("Between $x$2 and y.\n") == "<p>Between $x$2 and y.</p>\n")
        // An opener followed by a space does not open.
        #expect(try html("a $ b$ c\n") == "<p>a $ b$ c</p>\n")
    }

    @Test func escapedDollarIsLiteral() throws {
        #expect(try html("Pay \\$3 for $x_1$.\n") ==
            "<p>Pay $3 for <span class=\"math math-inline\">x_1</span>.</p>\n")
    }

    @Test func texIsHTMLEscaped() throws {
        #expect(try html("$a < b \\& c > d$\n") ==
            "<p><span class=\"math math-inline\">a &lt; b \\&amp; c &gt; d</span></p>\n")
    }

    @Test func displayMathAcrossLinesKeepsLaterLineNumbers() throws {
        let markdown = """
            # Loss

            The loss is
            $$
            L = \\frac{1}{n} \\sum_i (y_i - \\hat y_i)^2
            $$
            over the batch.

            ```swift
            let n = 4
            ```

            """
        let chapter = try parseChapter(markdown)
        #expect(proseHTML(chapter) == """
            <h1>Loss</h1>
            <p>The loss is
            <span class="math math-display">
            L = \\frac{1}{n} \\sum_i (y_i - \\hat y_i)^2
            </span>
            over the batch.</p>

            """)
        #expect(chapter.cells.first?.fenceLine == 9)
    }

    @Test func mathInsideCodeIsUntouched() throws {
        #expect(try html("Use `$a_1 * b_2$` here.\n") == "<p>Use <code>$a_1 * b_2$</code> here.</p>\n")
        #expect(try html("```text\n$a_1 * b_2$\n```\n") == "<pre><code class=\"language-text\">$a_1 * b_2$\n</code></pre>\n")
        let chapter = try parseChapter("```swift\nprint(\"$a_1$\")\n```\n")
        #expect(chapter.cells.first?.code == "print(\"$a_1$\")\n")
    }

    @Test func mathDoesNotCrossABlankLine() throws {
        #expect(try html("Costs $3\n\nand x$ more.\n") == "<p>Costs $3</p>\n<p>and x$ more.</p>\n")
    }

    @Test func mathInHeadingsAndTitle() throws {
        let chapter = try parseChapter("# Gradient of $x^2$\n")
        #expect(chapter.title == "Gradient of $x^2$")
        #expect(proseHTML(chapter) == "<h1>Gradient of <span class=\"math math-inline\">x^2</span></h1>\n")
    }

    @Test func authorTextThatLooksLikeATokenIsLeftAlone() throws {
        #expect(try html("WbMathZ0x and $y$\n") ==
            "<p>WbMathZ0x and <span class=\"math math-inline\">y</span></p>\n")
    }

    // Issue 13: a formula wrapping onto a second line of a block quote kept the `>` in its TeX.
    @Test func inlineFormulaWrappingInsideABlockQuoteDropsTheMarker() throws {
        let markdown = """
            > **Hint.** $\\mathcal{N}(x; \\mu) = \\frac{1}{2}
            > e^{-x}$. Take the logarithm.

            """
        #expect(try html(markdown) == """
            <blockquote>
            <p><strong>Hint.</strong> <span class="math math-inline">\\mathcal{N}(x; \\mu) = \\frac{1}{2}
            e^{-x}</span>. Take the logarithm.</p>
            </blockquote>

            """)
    }

    @Test func displayFormulaInsideANestedBlockQuoteDropsEveryMarker() throws {
        let chapter = try parseChapter("> > $$\n> > a +\n> >  b\n> > $$\n\nAfter.\n")
        #expect(proseHTML(chapter).contains("<span class=\"math math-display\">\na +\n b\n</span>"))
        #expect(!proseHTML(chapter).contains("&gt;"))
        #expect(proseHTML(chapter).hasSuffix("<p>After.</p>\n"))
    }

    @Test func aQuoteLineWithOnlyItsMarkerEndsTheFormulaSearch() throws {
        // `>` alone is a blank line inside the quote: maths does not cross it.
        #expect(try html("> costs $3\n>\n> and x$ more.\n") ==
            "<blockquote>\n<p>costs $3</p>\n<p>and x$ more.</p>\n</blockquote>\n")
    }

    /// Correctness on a paragraph of over a megabyte whose tail is thousands of `$` and backtick
    /// runs that never close (what made the scan quadratic); the time is measured by
    /// Benchmarks/parse/run.sh.
    @Test func aMegabyteParagraphOfUnclosedDelimitersParsesExactly() throws {
        let count = 20_000
        var markdown = "# Big\n\n"
        for k in 0..<count { markdown += "Let $x_{\(k)}$ be `c\(k)` and \\$5;\n" }
        // cmark pairs equal backtick runs across lines, so the unclosed tail is dollars only,
        // with one run of each length up to 60 that nothing closes.
        for k in 0..<count { markdown += "pay $\(k) or \(k < 60 ? String(repeating: "`", count: k + 1) : "") here\n" }
        #expect(markdown.utf8.count > 1_000_000)
        let page = proseHTML(try parseChapter(markdown))
        #expect(page.components(separatedBy: "<span class=\"math math-inline\">").count - 1 == count)
        #expect(page.contains("<span class=\"math math-inline\">x_{19999}</span> be <code>c19999</code> and $5;"))
        #expect(page.components(separatedBy: "<code>").count - 1 == count)
        #expect(page.contains("pay $0 or ` here\npay $1 or `` here"))
        #expect(page.hasSuffix("pay $19999 or  here</p>\n"))
    }
}
