import WorkbookProtocol

/// The calls the course library makes into the engine. The engine's own side of the channel
/// (cell markers, inline values) lives beside this file; these two signatures are fixed.
public enum Notebook {
    /// Shows a value richer than text: `text` in the terminal, `html` (or SVG) in the report.
    /// Run outside the engine, the text form is printed to stdout, so nothing is lost. The
    /// engine keeps only the HTML elements and attributes it allows (see the engine's
    /// DisplaySanitiser); more than 8 MiB in one display ends the program.
    public static func display(text: String, html: String) {
        if let channel = EngineChannel.shared {
            channel.sendDisplay(text: Array(text.utf8), html: Array(html.utf8))
        } else {
            print(text)
        }
    }

    /// Sends one line of progress (a training loop's step and loss) to the engine's live status
    /// line. Returns false outside the engine, where the caller reports it itself.
    @discardableResult
    public static func progress(_ text: String) -> Bool {
        guard let channel = EngineChannel.shared else { return false }
        channel.send(.progress, fields: [], payload: clipped(text, to: ProtocolLimits.progressBytes))
        return true
    }

    /// Tells the engine the chapter read this data file, so the cache sees when it changes.
    public static func recordDependency(path: String) {
        EngineChannel.shared?.send(.dependency, fields: [], payload: clipped(path, to: 4096))
    }
}
