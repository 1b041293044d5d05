import Foundation

/// Gives every heading of a page's prose an id and a visible `#` link to itself, and lists the
/// headings so the sidebar and the search index can point at them. Ids come from the heading's
/// text (`Backprop through time` → `backprop-through-time`), numbered when one repeats.
struct HeadingAnchors {
    struct Section: Equatable, Sendable {
        var id: String
        var title: String
        var level: Int
    }

    private(set) var sections: [Section] = []
    /// Ids already given on this page (cells use `cell-N`, so those are taken from the start).
    private var used: Set<String> = []

    private static let heading = try! NSRegularExpression(
        pattern: "<h([1-6])>(.*?)</h\\1>", options: [.dotMatchesLineSeparators])

    mutating func process(_ html: String) -> String {
        let ns = html as NSString
        var out = ""
        var last = 0
        for match in Self.heading.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let level = Int(ns.substring(with: match.range(at: 1)))!
            let inner = ns.substring(with: match.range(at: 2))
            let title = Self.plainText(inner)
            let id = unique(Self.slug(title))
            sections.append(Section(id: id, title: title, level: level))
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            out += "<h\(level) id=\"\(HTML.escape(id))\">\(inner) <a class=\"anchor\" href=\"#\(PageLink.encode(id))\" "
                + "aria-label=\"Link to this section\">#</a></h\(level)>"
            last = match.range.location + match.range.length
        }
        out += ns.substring(from: last)
        return out
    }

    private mutating func unique(_ base: String) -> String {
        var id = base, n = 2
        while used.contains(id) || id.hasPrefix("cell-") && Int(id.dropFirst(5)) != nil {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }

    /// Lower-case letters and digits, words joined by `-`; `section` when nothing is left.
    static func slug(_ title: String) -> String {
        var words: [String] = [], word = ""
        for character in title.lowercased() {
            if character.isLetter || character.isNumber { word.append(character) } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.isEmpty ? "section" : words.joined(separator: "-")
    }

    /// The text a reader sees: tags dropped, the five escapes cmark writes undone.
    static func plainText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
