/// The `<html>` around every page: head, stylesheet, KaTeX, the site navigation.
struct PageShell {
    var katex: KaTeXSource

    func page(title: String, navigation: String, body: String, math: Bool) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>

            """
        if math {
            html += "<link rel=\"stylesheet\" href=\"\(katex.stylesheetURL)\">\n"
        }
        html += """
            <link rel="stylesheet" href="assets/workbook.css">
            </head>
            <body>
            \(navigation)
            <main>
            \(body)
            </main>

            """
        if math {
            html += "<script src=\"\(katex.scriptURL)\"></script>\n"
            html += KaTeXSource.typesetScript + "\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    /// Index, previous and next chapter links; `current` is nil on the index page.
    func navigation(current: String?, all: [ChapterSummary]) -> String {
        var links = ["<a class=\"nav-index\" href=\"index.html\">Contents</a>"]
        if let current, let position = all.firstIndex(where: { $0.slug == current }) {
            if position > 0 {
                let previous = all[position - 1]
                links.append("<a class=\"nav-prev\" rel=\"prev\" href=\"\(HTML.escape(previous.fileName))\">"
                             + "← \(HTML.escape(previous.title))</a>")
            }
            if position + 1 < all.count {
                let next = all[position + 1]
                links.append("<a class=\"nav-next\" rel=\"next\" href=\"\(HTML.escape(next.fileName))\">"
                             + "\(HTML.escape(next.title)) →</a>")
            }
        }
        return "<nav class=\"site-nav\" aria-label=\"Chapters\">\n" + links.joined(separator: "\n") + "\n</nav>"
    }
}
