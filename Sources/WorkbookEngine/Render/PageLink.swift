import Foundation

/// Links between pages: file names percent-encoded so any chapter name works in an `href`
/// (`C#50%.md` → `C%2350%25.html`), and links an author wrote between `.md` files turned into
/// links to the pages built from them.
enum PageLink {
    private static let unreserved = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// One path segment or fragment, percent-encoded (UTF-8) except for the unreserved characters.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// The `href` (already HTML-escaped) of the page `slug` builds.
    static func href(slug: String, fragment: String? = nil) -> String {
        HTML.escape(encode("\(slug).html") + (fragment.map { "#" + encode($0) } ?? ""))
    }

    private static let markdownLink = try! NSRegularExpression(pattern: "href=\"([^\"#:?]*?)\\.md(#[^\"]*)?\"")

    /// `href="02-rnn.md#bptt"` and `href="../Chapters/02-rnn.md"` → `href="02-rnn.html#bptt"`:
    /// pages sit side by side in the output folder, so only the file's own name counts. A link
    /// to the introduction (`README.md`, `index.md`) goes to `index.html`. Links with a scheme
    /// (`https:`) are left alone.
    static func rewritingChapterLinks(in html: String) -> String {
        let ns = html as NSString
        var out = "", last = 0
        for match in markdownLink.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let path = ns.substring(with: match.range(at: 1))
            let fragment = match.range(at: 2).location == NSNotFound ? "" : ns.substring(with: match.range(at: 2))
            // cmark has already percent-encoded the link and HTML-escaped it; undo both to get the name.
            let raw = path.replacingOccurrences(of: "&amp;", with: "&")
            let name = (raw.split(separator: "/").last.map(String.init) ?? raw).removingPercentEncoding ?? raw
            let slug = CourseSite.introductionNames.contains(name.lowercased() + ".md") ? "index" : name
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            out += "href=\"\(href(slug: slug))\(fragment)\""
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }
}
