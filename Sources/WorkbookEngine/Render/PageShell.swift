/// The `<html>` around every page, from the theme's `page` template.
struct PageShell {
    var katex: KaTeXSource
    var theme: Theme

    func page(title: String, current: String?, all: [ChapterSummary], body: String, math: Bool) -> String {
        var context: [String: Any] = ["title": HTML.escape(title), "body": body, "math": math,
                                      "katexStylesheet": HTML.escape(katex.stylesheetURL),
                                      "katexScript": HTML.escape(katex.scriptURL),
                                      "typesetScript": KaTeXSource.typesetScript]
        if let current, let position = all.firstIndex(where: { $0.slug == current }) {
            if position > 0 { context["previous"] = link(all[position - 1]) }
            if position + 1 < all.count { context["next"] = link(all[position + 1]) }
        }
        return theme.render("page", context)
    }

    private func link(_ summary: ChapterSummary) -> [String: Any] {
        ["href": HTML.escape(summary.fileName), "title": HTML.escape(summary.title)]
    }
}
