/// The `<html>` around every page, from the theme's templates: the page shell (`page`, or
/// `serve` for the live server), the sidebar and the previous/next pager.
struct PageShell {
    var katex: KaTeXSource
    var theme: Theme
    var site: CourseSite
    var template: String
    var extra: [String: String]

    /// `current` is the chapter's slug, nil on the index page; `sections` are its headings.
    func page(title: String, current: String?, all: [ChapterSummary], sections: [HeadingAnchors.Section],
              body: String, math: Bool) -> String {
        let siteTitle = HTML.escape(site.title)
        var context: [String: Any] = [
            "title": HTML.escape(title), "siteTitle": siteTitle,
            "pageTitle": current == nil ? siteTitle : "\(HTML.escape(title)) · \(siteTitle)",
            "body": body, "math": math, "isIndex": current == nil,
            "katexStylesheet": HTML.escape(katex.stylesheetURL), "katexScript": HTML.escape(katex.scriptURL),
        ]
        context["chapters"] = all.map { summary -> [String: Any] in
            let isCurrent = summary.slug == current
            // The sidebar lists the current chapter's sections (h2, h3); its h1 is the chapter itself.
            let shown = isCurrent ? sections.filter { $0.level == 2 || $0.level == 3 } : []
            return ["href": PageLink.href(slug: summary.slug), "title": HTML.escape(summary.title),
                    "current": isCurrent, "tone": StatusText.tone(summary.status),
                    "symbol": StatusText.symbol(summary.status), "status": StatusText.word(summary.status),
                    "hasSections": !shown.isEmpty,
                    "sections": shown.map { ["href": "#" + HTML.escape(PageLink.encode($0.id)),
                                             "title": HTML.escape($0.title), "sub": $0.level == 3] }]
        }
        if let current, let position = all.firstIndex(where: { $0.slug == current }) {
            if position > 0 { context["previous"] = link(all[position - 1]) }
            if position + 1 < all.count { context["next"] = link(all[position + 1]) }
        } else if let first = all.first {
            context["next"] = link(first)
        }
        context["hasPager"] = context["previous"] != nil || context["next"] != nil
        for (key, value) in extra { context[key] = HTML.escape(value) }
        return theme.render(template, context)
    }

    private func link(_ summary: ChapterSummary) -> [String: Any] {
        ["href": PageLink.href(slug: summary.slug), "title": HTML.escape(summary.title)]
    }
}
