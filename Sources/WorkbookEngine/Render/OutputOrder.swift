/// A cell's printed text and its displays in the order the program produced them: the text is
/// cut at each display's `outputOffset` (bytes of stdout before it). Displays whose place is
/// unknown come after all the text, as they used to.
enum OutputPiece: Equatable {
    case text(String)
    case display(DisplayItem)

    static func inProgramOrder(stdout: String, displays: [DisplayItem]) -> [OutputPiece] {
        let bytes = Array(stdout.utf8)
        var pieces: [OutputPiece] = []
        var start = 0
        for display in displays {
            guard var cut = display.outputOffset else { continue }
            cut = min(max(cut, start), bytes.count)
            // Never inside a character: back up over continuation bytes.
            while cut > start && cut < bytes.count && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            if cut > start { pieces.append(.text(String(decoding: bytes[start..<cut], as: UTF8.self))) }
            pieces.append(.display(display))
            start = cut
        }
        if start < bytes.count { pieces.append(.text(String(decoding: bytes[start...], as: UTF8.self))) }
        for display in displays where display.outputOffset == nil { pieces.append(.display(display)) }
        return pieces
    }
}
