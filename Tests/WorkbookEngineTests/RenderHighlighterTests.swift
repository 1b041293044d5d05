import Testing
@testable import WorkbookEngine

@Suite struct RenderHighlighterTests {
    private func html(_ code: String) -> String { SwiftHighlighter.html(code) }

    @Test func keywordsTypesNumbersAttributesDirectives() {
        #expect(html("let n: Int = 0x1F") == "<span class=\"hl-kw\">let</span> n: <span class=\"hl-type\">Int</span> = "
                + "<span class=\"hl-num\">0x1F</span>")
        #expect(html("@MainActor #if DEBUG") == "<span class=\"hl-attr\">@MainActor</span> "
                + "<span class=\"hl-dir\">#if</span> <span class=\"hl-type\">DEBUG</span>")
        #expect(html("1.5e-3+x") == "<span class=\"hl-num\">1.5e-3</span>+x")
        #expect(html("a.b(1_000)") == "a.b(<span class=\"hl-num\">1_000</span>)")
        #expect(html("x1 $0") == "x1 $0")
    }

    @Test func interpolationContainingAStringIsCodeInsideTheString() {
        let out = html(#"print("a \(d["k"] ?? "none") b")"#)
        #expect(out == #"print(<span class="hl-str">&quot;a \(</span>d[<span class="hl-str">&quot;k&quot;</span>] ?? "#
                + #"<span class="hl-str">&quot;none&quot;</span><span class="hl-str">) b&quot;</span>)"#)
    }

    @Test func nestedParenthesesInInterpolation() {
        let out = html(#""\(f(g(1)))" + x"#)
        #expect(out == #"<span class="hl-str">&quot;\(</span>f(g(<span class="hl-num">1</span>))"#
                + #"<span class="hl-str">)&quot;</span> + x"#)
    }

    @Test func nestedBlockCommentsStayOneComment() {
        let out = html("/* a /* b */ let c */ let d")
        #expect(out == "<span class=\"hl-com\">/* a /* b */ let c */</span> <span class=\"hl-kw\">let</span> d")
    }

    @Test func lineCommentsEndAtTheLine() {
        #expect(html("x // y < z\nlet") == "x <span class=\"hl-com\">// y &lt; z</span>\n<span class=\"hl-kw\">let</span>")
    }

    @Test func multiLineAndRawStrings() {
        let multi = html("let s = \"\"\"\n  say \"hi\"\n  \"\"\"\nvar")
        #expect(multi == "<span class=\"hl-kw\">let</span> s = <span class=\"hl-str\">&quot;&quot;&quot;\n  say "
                + "&quot;hi&quot;\n  &quot;&quot;&quot;</span>\n<span class=\"hl-kw\">var</span>")
        let raw = html(##"#"a "quoted" \(no) \#(yes)"#"##)
        #expect(raw == ##"<span class="hl-str">#&quot;a &quot;quoted&quot; \(no) \#(</span>yes<span class="hl-str">)&quot;#</span>"##)
    }

    @Test func escapedQuoteDoesNotEndTheString() {
        #expect(html(#""a\"b" c"#) == #"<span class="hl-str">&quot;a\&quot;b&quot;</span> c"#)
    }

    @Test func unterminatedInputStillGivesBalancedSpans() {
        for code in ["\"open", "/* open", "\"\\(open", "\"\"\"\nopen", "\"a\nlet"] {
            let out = html(code)
            #expect(out.components(separatedBy: "<span").count == out.components(separatedBy: "</span>").count,
                    "unbalanced spans for \(code)")
        }
        #expect(html("\"a\nlet") == "<span class=\"hl-str\">&quot;a</span>\n<span class=\"hl-kw\">let</span>")
    }

    @Test func keywordsAfterADotAreMemberNames() {
        #expect(html("x.default = .init(self.for)") == "x.default = .<span class=\"hl-kw\">init</span>"
                + "(<span class=\"hl-kw\">self</span>.for)")
    }

    @Test func everythingIsEscaped() {
        #expect(html("a < b && c > d") == "a &lt; b &amp;&amp; c &gt; d")
    }
}
