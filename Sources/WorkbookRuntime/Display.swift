/// The calls the course library makes into the engine. The engine's own side of the channel
/// (cell markers, inline values) lives beside this file; these two signatures are fixed.
public enum Notebook {
    /// Shows a value richer than text: `text` in the terminal, `html` (or SVG) in the report.
    /// Run outside the engine, the text form is printed to stdout, so nothing is lost.
    public static func display(text: String, html: String) {
        if let channel = EngineChannel.shared {
            channel.send(kind: "D", fields: [String(text.utf8.count)], payload: Array(text.utf8) + Array(html.utf8))
        } else {
            print(text)
        }
    }

    /// Sends one line of progress (a training loop's step and loss) to the engine's live status
    /// line. Returns false outside the engine, where the caller reports it itself.
    @discardableResult
    public static func progress(_ text: String) -> Bool {
        guard let channel = EngineChannel.shared else { return false }
        channel.send(kind: "G", fields: [], payload: Array(text.utf8.prefix(160)))
        return true
    }

    /// Tells the engine the chapter read this data file, so the cache sees when it changes.
    public static func recordDependency(path: String) {
        EngineChannel.shared?.send(kind: "P", fields: [], payload: Array(path.utf8))
    }
}
