import Foundation

/// The course's search index, written by the build as `assets/search-index.js` so search works
/// from disk (a page opened as `file://` may load a script but not fetch a JSON file). A plain
/// inverted index: each word → the sections it appears in; the page's script intersects the
/// lists of the words typed (the last one as a prefix) and links each hit to its section.
public enum SearchIndex {
    /// One section of one page: a heading and the prose and code under it.
    public struct Entry: Codable, Equatable, Sendable {
        /// `02-rnn.html#bptt`, ready for an `href` once escaped.
        public var href: String
        public var chapter: String
        public var section: String
        /// Every word of the section, for the index; not written out.
        public var text: String

        public init(href: String, chapter: String, section: String, text: String) {
            self.href = href
            self.chapter = chapter
            self.section = section
            self.text = text
        }
    }

    /// Lower-case runs of letters and digits, two characters or longer.
    public static func words(_ text: String) -> [String] {
        var words: [String] = [], word = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber { word.append(character); continue }
            if word.count >= 2 { words.append(word) }
            word = ""
        }
        if word.count >= 2 { words.append(word) }
        return words
    }

    private struct Document: Encodable {
        var href: String, chapter: String, section: String, preview: String
    }

    private struct File: Encodable {
        var docs: [Document]
        var terms: [String: [Int]]
    }

    /// `window.WORKBOOK_SEARCH = {"docs": […], "terms": {"word": [0, 4], …}};` with sorted keys,
    /// so the same course gives the same bytes.
    public static func script(_ entries: [Entry]) -> String {
        var terms: [String: [Int]] = [:]
        for (number, entry) in entries.enumerated() {
            for word in Set(words(entry.section + " " + entry.text)) { terms[word, default: []].append(number) }
        }
        let docs = entries.map { entry in
            Document(href: entry.href, chapter: entry.chapter, section: entry.section,
                     preview: String(entry.text.prefix(160)))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(File(docs: docs, terms: terms))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        // "</script>" inside a string would still end an inline script; this one is a file, but keep it safe to inline.
        return "window.WORKBOOK_SEARCH = " + json.replacingOccurrences(of: "</", with: "<\\/") + ";\n"
    }
}
