import CCmark

/// Cells and ```output blocks must be top-level blocks of the chapter. One inside a list item
/// or a block quote would otherwise stay prose without a word: the author thinks it runs, and
/// it never does. Supporting them would mean running code whose page position is mid-list and
/// rewriting indented or `>`-prefixed lines on `release` and `check --update`; an error is clearer.
enum CellPlacement {
    static func requireTopLevel(_ node: OpaquePointer, _ fenced: FencedBlock, path: String) throws {
        let what: String
        switch CellInfo.role(ofInfo: fenced.info) {
        case .cell: what = "```swift cell"
        case .output: what = "```output block"
        case .prose: return
        }
        guard let container = container(of: node) else { return }
        throw WorkbookError(
            "cells must be top-level blocks: this \(what) is inside a \(container), where it would never run; "
                + "move it out (no indentation, no '>'), or give a listing that is not run another "
                + "info string such as ```text",
            file: path, line: fenced.openingLine)
    }

    /// The innermost list or block quote holding `node`; nil when it is a top-level block.
    private static func container(of node: OpaquePointer) -> String? {
        var parent = cmark_node_parent(node)
        while let current = parent, CmarkTree.type(current) != CMARK_NODE_DOCUMENT {
            switch CmarkTree.type(current) {
            case CMARK_NODE_ITEM, CMARK_NODE_LIST: return "list item"
            case CMARK_NODE_BLOCK_QUOTE: return "block quote"
            default: parent = cmark_node_parent(current)
            }
        }
        return nil
    }
}
