import ArgumentParser
import Foundation
import WorkbookEngine
import WorkbookServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the book on 127.0.0.1 and keep open pages up to date as you edit.",
        discussion: """
            Builds PATHS (as `workbook build` does, into OUTPUT/.serve with its own cache) and \
            serves the pages at http://127.0.0.1:PORT/ only. When a chapter, a data file, the \
            course's theme/ or the Course library changes, the changed chapters run again and \
            every open page reloads itself where it was scrolled; a page shows "running cell N \
            of M" meanwhile, and a chapter that stops parsing shows its FILE:LINE error until \
            it is fixed.

            Exercises are editable in the page (CodeMirror, from Debian's libjs-codemirror). \
            Save writes the block back into its .md file (atomically; every other byte stays); \
            Run saves, runs the chapter and shows every cell's outputs in place; Check saves, \
            runs the chapter and shows ✓/✗ beside each check, the exercise's points and the \
            page's total. If the file changed on disk since the page loaded, nothing is written \
            and the page offers to reload.

            Without --student this is the instructor's edition: the solution runs, so the \
            editor is on each solution block (Save, Run, Check) and the starting code above it \
            has Save only. With --student the editor is on the exercise block and no solution \
            is built, served or written.

            Examples:
              workbook serve                          # Chapters/ on http://127.0.0.1:8000/
              workbook serve --port 8080 --open       # another port; open a browser
              workbook serve --student Student/Chapters   # your own copy; no solution is ever served

            Ctrl-C stops the server and every chapter program it started.

            Exit status: 0 stopped with Ctrl-C; 2 bad input (a missing folder; a port in use, \
            refused before anything is built; a chapter that does not parse is shown in the \
            page instead); 3 the tool failed (cannot write the site folder, CodeMirror missing).
            """
    )

    @Argument(help: "Chapter files or folders of chapters.")
    var paths: [String] = ["Chapters"]

    @Option(name: .long, help: "Port on 127.0.0.1.")
    var port: UInt16 = 8000

    @Flag(name: .long, help: "Open the book in a browser (xdg-open) once it is served.")
    var open = false

    @Flag(name: .long, help: "The student edition: exercise blocks run, solutions are never served.")
    var student = false

    @OptionGroup var settings: RunSettings

    func run() throws {
        let server: BookServer
        do {
            server = try BookServer(.init(paths: paths, port: port, student: student,
                                          options: settings.runOptions, toolchain: try Toolchain.locate()))
        } catch let error as BookServer.PortInUse {
            throw WorkbookError(error.description)
        }
        let url = server.url
        let open = self.open
        // Ctrl-C (and SIGTERM): kill every chapter program still running, then leave.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                RunningPrograms.killAll()
                StandardError.writeLine("stopped")
                Foundation.exit(0)
            }
            source.resume()
            sources.append(source)
        }
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: Error?
        Task {
            do {
                try await server.run(ready: {
                    print("Serving \(url) (Ctrl-C stops)")
                    fflush(stdout)
                    if open { _ = try? Process.run(URL(fileURLWithPath: "/usr/bin/xdg-open"), arguments: [url]) }
                })
            } catch {
                failure = error
            }
            finished.signal()
        }
        finished.wait()
        RunningPrograms.killAll()
        if let failure = failure as? BookServer.PortInUse { throw WorkbookError(failure.description) }
        if let failure { throw failure }
        _ = sources
    }
}
