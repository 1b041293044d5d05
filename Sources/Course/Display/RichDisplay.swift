import WorkbookRuntime

/// Anything a chapter can show richer than plain text: a plot, a table, a matrix.
///
/// `text` is what a terminal shows; `html` is what the report shows. `show()` sends both
/// through the engine's display channel (outside the engine, the text is printed).
///
///     Table(header: ["k", "loss"], rows: [["2", "4.10"], ["3", "1.25"]]).show()
public protocol RichDisplay: CustomStringConvertible {
    /// The plain-text form, at most `width` columns per line.
    var text: String { get }
    /// The HTML form for the report.
    var html: String { get }
}

extension RichDisplay {
    /// Shows the value: text in the terminal, HTML in the report.
    public func show() {
        Notebook.display(text: text, html: html)
    }

    /// The text form, so `print(x)` shows what `x.show()` shows in a terminal.
    public var description: String { text }
}

/// A plot: an ASCII form and an SVG form drawn from the same data.
public protocol PlotDisplay: RichDisplay {
    /// A self-contained SVG document that scales to its container's width.
    var svg: String { get }
}

extension PlotDisplay {
    /// The SVG alone: the report puts the text form (sent beside it) one click away under
    /// every display, so adding it here too would show it twice.
    public var html: String {
        "<figure class=\"wb-plot\">" + svg + "</figure>"
    }
}
