import Testing
@testable import WorkbookEngine

@Suite("Execute: display HTML is rebuilt from an allow-list")
struct DisplaySanitiserTests {
    func clean(_ html: String) -> String { DisplaySanitiser.sanitise(html) }

    @Test func scriptsHandlersAndForeignContentGo() {
        #expect(clean("<script>alert(1)</script><p>ok</p>") == "<p>ok</p>")
        #expect(clean("<svg onload=\"alert(1)\" viewBox=\"0 0 1 1\"><rect width=\"1\"/></svg>")
                == "<svg viewBox=\"0 0 1 1\"><rect width=\"1\"></rect></svg>")
        #expect(clean("<svg><foreignObject><iframe src=x></iframe></foreignObject><a href=\"javascript:x()\">t</a></svg>")
                == "<svg>t</svg>")
        #expect(clean("<SCRIPT>x</script ><img src=x onerror=alert(1)>") == "")
        #expect(clean("<rect fill=\"url(http://evil/x)\" style=\"background:url(x)\" x=\"1\"/>") == "<rect x=\"1\"></rect>")
        #expect(clean("<p>a<!-- <script> -->b</p>") == "<p>ab</p>")
    }

    @Test func textAndAttributesAreEscapedAndTagsClosed() {
        #expect(clean("<td>x &lt; y & z</td>") == "<td>x &lt; y &amp; z</td>")
        #expect(clean("<p title=x class='a\"b'>open") == "<p class=\"a&quot;b\">open</p>")
        #expect(clean("a < b") == "a &lt; b")
        #expect(clean("<div><span>x</div>") == "<div><span>x</span></div>")
    }

    @Test func theCourseLibrarysOwnMarkupSurvives() {
        let svg = "<figure class=\"wb-plot\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" width=\"100%\""
            + " style=\"max-width:10px;height:auto\" role=\"img\" aria-label=\"a &amp; b\" font-family=\"DejaVu Sans\">"
            + "<title>a &amp; b</title><polyline fill=\"none\" stroke=\"#1f77b4\" points=\"0,0 1,1\"></polyline>"
            + "<text x=\"1\" y=\"2\" text-anchor=\"middle\" transform=\"rotate(-90 1 2)\">x &lt; y</text></svg></figure>"
        #expect(clean(svg) == svg)
        let table = "<table class=\"wb-table\"><caption>t</caption><thead><tr><th style=\"text-align:right\">k</th></tr></thead>"
            + "<tbody><tr><td style=\"text-align:right\">2</td></tr></tbody></table>"
        #expect(clean(table) == table)
    }
}
