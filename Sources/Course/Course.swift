import WorkbookRuntime

/// Placeholder so the module builds before the course code lands.
public func courseVersion() -> String { "0" }
