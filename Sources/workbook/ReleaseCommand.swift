import ArgumentParser
import Foundation
import WorkbookEngine

struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Write the student edition of the chapters.",
        discussion: """
            Solution blocks, hidden checks and the ```output blocks that follow them are \
            removed; every other byte of each chapter is kept (one blank line stays where \
            the blocks were). Every chapter is checked before anything is written. An \
            exercise whose checks are all hidden gets one visible check that fails and says so.

            DIR becomes a course of its own, ready to hand to students:
              DIR/Chapters/   the student edition of each chapter, file names kept
              DIR/Data/       a copy of the course's Data/ folder, which the chapters read
            A student runs `workbook check --student` inside DIR.

            The output folder may not be, contain, or resolve (through a symlink) to the \
            chapters or their folder, and no file in it may be a link to a chapter: that is \
            bad input, and nothing is written. Files are written atomically.

            Example:
              workbook release --output Student

            Exit status: 0 written; 2 bad input (a malformed exercise block, an output folder \
            that would overwrite the chapters) or usage; 3 a file cannot be written.
            """
    )

    @Argument(help: "Chapter files or folders of chapters.")
    var paths: [String] = ["Chapters"]

    @Option(name: [.short, .long], help: ArgumentHelp("Folder the student edition is written to (as DIR/Chapters and DIR/Data).", valueName: "DIR"))
    var output: String

    func run() throws {
        let chapters = try Workbook.loadChapters(paths)
        let written = try Release.write(chapters: chapters, to: output)
        print("wrote the student edition of \(written.count) chapter\(written.count == 1 ? "" : "s") to \(output)/Chapters"
              + (FileManager.default.fileExists(atPath: output + "/Data") ? " and the course data to \(output)/Data" : ""))
    }
}
