import Foundation
import CCmark

/// Walks the chapter's top-level blocks in order: fenced `swift` blocks become cells, an
/// `output` block right after a cell becomes its expected output, everything else is prose,
/// consecutive prose nodes rendered together by cmark.
struct BlockAssembler {
    let path: String
    let lines: [Substring]
    let restorer: TokenRestorer

    private(set) var blocks: [Block] = []
    private(set) var cells: [Cell] = []
    private var pendingProse: [OpaquePointer] = []
    /// True while the last top-level block was a cell, so an output block may follow it.
    private var lastWasCell = false
    private var idLines: [String: Int] = [:]

    init(path: String, lines: [Substring], restorer: TokenRestorer) {
        self.path = path
        self.lines = lines
        self.restorer = restorer
    }

    mutating func add(_ node: OpaquePointer) throws {
        guard CmarkTree.type(node) == CMARK_NODE_CODE_BLOCK,
              let fenced = try FencedBlock(node: node, lines: lines, path: path) else {
            return addProse(node)
        }
        switch CellInfo.role(ofInfo: fenced.info) {
        case .cell(let words): try addCell(fenced, words: words)
        case .output(let words): try addOutput(fenced, words: words)
        case .prose: addProse(node)
        }
    }

    mutating func flushProse() {
        guard !pendingProse.isEmpty else { return }
        blocks.append(.prose(html: restorer.html(CmarkTree.renderHTML(pendingProse))))
        pendingProse.removeAll()
    }

    private mutating func addProse(_ node: OpaquePointer) {
        pendingProse.append(node)
        lastWasCell = false
    }

    private mutating func addCell(_ fenced: FencedBlock, words: [String]) throws {
        let location = SourceLocation(file: path, line: fenced.openingLine)
        let attributes = try CellInfo.attributes(words, at: location)
        // An exercise, its solution and its checks share one id; several checks may grade one
        // exercise. So ids are unique per kind, and checks are left to the exercise rules.
        if let id = attributes.id, attributes.kind != .check {
            let key = "\(attributes.kind.rawValue) \(id)"
            if let first = idLines[key] {
                throw WorkbookError("duplicate cell id '\(id)' (first used on line \(first))", at: location)
            }
            idLines[key] = fenced.openingLine
        }
        flushProse()
        let cell = Cell(index: cells.count, code: fenced.literal, fenceLine: fenced.openingLine,
                        closingFenceLine: fenced.closingLine, attributes: attributes)
        blocks.append(.cell(index: cell.index))
        cells.append(cell)
        lastWasCell = true
    }

    private mutating func addOutput(_ fenced: FencedBlock, words: [String]) throws {
        let location = SourceLocation(file: path, line: fenced.openingLine)
        guard lastWasCell, let last = cells.indices.last else {
            throw WorkbookError("an ```output block must come directly after the ```swift cell it belongs to",
                                at: location)
        }
        let options = try CellInfo.outputOptions(words, at: location)
        // Left open, the block runs on to the next fence: a cell's ```swift line lands inside it.
        for (offset, line) in fenced.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.drop(while: { $0 == " " })
            guard let first = text.first, first == "`" || first == "~" else { continue }
            let run = text.prefix(while: { $0 == first })
            if run.count >= 3, !text.dropFirst(run.count).allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                throw WorkbookError("unclosed ```output block: close it before line \(fenced.openingLine + 1 + offset), "
                                    + "which opens another block (\(text.trimmingCharacters(in: .whitespaces)))", at: location)
            }
        }
        cells[last].expectedOutput = ExpectedOutput(
            text: fenced.literal, fenceLine: fenced.openingLine,
            firstContentLine: fenced.openingLine + 1, lastContentLine: fenced.closingLine - 1,
            options: options)
        lastWasCell = false
    }
}
