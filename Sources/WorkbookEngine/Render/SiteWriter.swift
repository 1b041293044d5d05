import Foundation

/// Writes a built site: the theme's static files, KaTeX when it is installed, and the pages.
/// Every file goes through `AtomicWrite`, so an interrupted build leaves each file either old or
/// new, never half-written, and the next build removes its temporary files. Files it does not write (a
/// `.cache/` folder, say) are left alone.
public enum SiteWriter {
    public static func write(pages: [String: String], to outputDirectory: String, katex: KaTeXSource,
                             katexDirectory: String = KaTeXSource.debianDirectory, theme: Theme = .builtIn,
                             extraAssets: [String: Data] = [:]) throws {
        for name in pages.keys where !isPlainFileName(name) {
            throw WorkbookError("page name '\(name)' must be a plain file name inside \(outputDirectory)")
        }
        let assets = "\(outputDirectory)/assets"
        StaleTemporaries.sweepFiles(in: outputDirectory)
        try makeDirectory(assets)
        for (name, data) in theme.assets.merging(extraAssets, uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
            try writeIfChanged(data, to: "\(assets)/\(name)")
        }
        if katex == .local {
            try copyKaTeX(from: katexDirectory, to: "\(assets)/katex")
        }
        for name in pages.keys.sorted() {
            try writeIfChanged(Data(pages[name]!.utf8), to: "\(outputDirectory)/\(name)")
        }
    }

    /// The script, its stylesheet and the fonts the stylesheet names (`fonts/…`), resolving
    /// Debian's symlinks so the copy stands alone.
    static func copyKaTeX(from source: String, to destination: String) throws {
        let files = FileManager.default
        guard KaTeXSource.detect(directory: source) == .local else {
            throw ToolFailure("KaTeX is not installed at \(source) (apt-get install libjs-katex)")
        }
        try makeDirectory("\(destination)/fonts")
        for name in ["katex.min.js", "katex.min.css"] {
            try writeIfChanged(try readResolved("\(source)/\(name)"), to: "\(destination)/\(name)")
        }
        let fontsFolder = "\(source)/fonts"
        let fonts = try files.contentsOfDirectory(atPath: fontsFolder).filter { !$0.hasPrefix(".") }.sorted()
        for font in fonts {
            try writeIfChanged(try readResolved("\(fontsFolder)/\(font)"), to: "\(destination)/fonts/\(font)")
        }
    }

    /// Atomic replace; skipped when the file already holds exactly these bytes, which keeps
    /// no-change rebuilds fast and leaves modification times alone.
    static func writeIfChanged(_ data: Data, to path: String) throws {
        if let existing = FileManager.default.contents(atPath: path), existing == data { return }
        try AtomicWrite.write(Array(data), to: path)
    }

    private static func readResolved(_ path: String) throws -> Data {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        guard let data = FileManager.default.contents(atPath: resolved.path) else {
            throw ToolFailure("cannot read \(path)")
        }
        return data
    }

    private static func makeDirectory(_ path: String) throws {
        try AtomicWrite.makeFolder(path)
    }

    private static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".." && !name.hasPrefix(".")
    }
}
