import Foundation
import CCmark

/// A parsed cmark document. Owns the tree; nodes are only valid while it lives.
/// Raw HTML stays disabled: cmark 0.30's default (no CMARK_OPT_UNSAFE) omits it.
final class CmarkTree {
    let root: OpaquePointer

    init(markdown: String) {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS
        root = markdown.withCString { cmark_parse_document($0, strlen($0), options) }
    }

    deinit { cmark_node_free(root) }

    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// Every node under `node` (itself included), depth first in document order.
    static func descendants(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) {
                result.append(current)
            }
        }
        return result
    }

    static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }
    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
    static func info(_ node: OpaquePointer) -> String {
        cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
    }
    static func startLine(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) }
    static func startColumn(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_column(node)) }
    static func endLine(_ node: OpaquePointer) -> Int { Int(cmark_node_get_end_line(node)) }

    /// Moves `nodes` (top-level blocks of this tree) into a fresh document and renders it.
    static func renderHTML(_ nodes: [OpaquePointer]) -> String {
        let document = cmark_node_new(CMARK_NODE_DOCUMENT)!
        defer { cmark_node_free(document) }
        for node in nodes {
            cmark_node_unlink(node)
            cmark_node_append_child(document, node)
        }
        guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Puts a text node holding `text` where `node` was, and frees `node`.
    static func replace(_ node: OpaquePointer, withText text: String) {
        let replacement = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(replacement, text)
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }
}
