/// Checks on what a chapter hands a plot. Arrays that must pair up but do not are a bug in the
/// chapter; drawing the shorter length would hide it, so the cell stops and says both lengths.
enum PlotInput {
    static func requireSameLength(_ what: String, _ first: (name: String, count: Int), _ second: (name: String, count: Int)) {
        guard first.count != second.count else { return }
        // fatalError, not precondition: its message survives an optimised build of the library.
        fatalError("\(what): \(first.name) has \(first.count) values but \(second.name) has \(second.count); they must be the same length")
    }
}
