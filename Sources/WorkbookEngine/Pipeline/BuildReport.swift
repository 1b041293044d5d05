/// What a build did, chapter by chapter: enough for the CLI's summary and exit status.
public struct BuildReport: Sendable {
    public struct ChapterOutcome: Sendable, Equatable {
        public var path: String
        public var slug: String
        public var title: String
        public var status: ChapterStatus
        public var counts: CellCounts
        /// The result was reused: nothing was compiled or run.
        public var fromCache: Bool
        /// Wall time to plan, look up and (when not cached) compile and run.
        public var seconds: Double
    }

    /// In chapter order.
    public var chapters: [ChapterOutcome]
    public var outputDirectory: String
    /// Wall time of each phase: reading and parsing every chapter, running them, rendering
    /// and writing the site.
    public var parseSeconds: Double
    public var runSeconds: Double
    public var renderSeconds: Double

    /// True when any chapter failed to compile, crashed, timed out or failed a check.
    public var anyFailed: Bool { chapters.contains { $0.status != .passed } }

    /// 0 when every cell ran as expected, 1 otherwise (bad input never gets this far: it throws).
    public var exitStatus: Int32 { anyFailed ? 1 : 0 }
}
