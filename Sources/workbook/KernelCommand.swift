import ArgumentParser
import Foundation
import WorkbookEngine

/// `workbook kernel status|stop` (and `serve`, which the other commands start on their own).
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Show or stop the background kernel that keeps chapters' state between commands.",
        discussion: """
            build, check and serve run chapters through a background kernel (grade too, but \
            only with --no-sandbox: in the sandbox each student's chapter runs from the top; \
            run keeps its checkpoints in its own process), one per user, \
            course folder (the folder you run workbook in) and workbook build. It keeps each \
            chapter's state after every cell alive as a checkpoint (a forked process), so after \
            an edit only the cells from the first changed one on run again; the page is byte for \
            byte what a fresh run gives. It starts on first use, exits after 15 idle minutes \
            (--kernel-idle), lets the least recently used checkpoints go beyond 2 GiB of private \
            memory (--kernel-memory), and --no-kernel runs without it. Stopping or losing it \
            costs only speed.

            Examples:
              workbook kernel status
              workbook kernel stop

            Exit status: 0 done (status: a kernel is running); 1 status: no kernel is running; \
            2 bad usage; 3 the kernel could not be served.
            """,
        subcommands: [Status.self, Stop.self, Serve.self]
    )

    static var folder: String {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the kernel's process, checkpoints, memory and runs for this folder.",
            discussion: """
                Example:
                  workbook kernel status

                Exit status: 0 a kernel is running; 1 none is.
                """)

        func run() throws {
            guard let status = KernelClient.status(folder: KernelCommand.folder) else {
                print("no kernel is running for \(KernelCommand.folder)")
                throw ExitCode(ExitStatus.cellsFailed)
            }
            print("""
                kernel pid \(status.pid) for \(status.folder), up \(Int(status.secondsUp)) s, \
                exits after \(Int(status.idleTimeout / 60)) idle minutes
                \(status.checkpoints) checkpoints holding \(status.privateBytes >> 20) MiB of private memory
                runs: \(status.resumedRuns) resumed from a checkpoint, \(status.fullRuns) from the top, \
                \(status.fallbacks) resumes given up for a full run
                """)
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop the kernel for this folder (its checkpoints end with it).",
            discussion: """
                Example:
                  workbook kernel stop

                Exit status: 0 stopped, or none was running.
                """)

        func run() throws {
            if !KernelClient.stop(folder: KernelCommand.folder) { print("no kernel was running") }
        }
    }

    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Be the kernel (the other commands start this themselves).",
            discussion: """
                Example:
                  workbook kernel serve --folder "$PWD" --idle-timeout 900

                Exit status: 0 stopped or idle; 3 could not listen on its socket.
                """)

        @Option(help: "The course folder this kernel serves.")
        var folder: String = KernelCommand.folder

        @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Seconds without work before it exits.", valueName: "S"))
        var idleTimeout: Double = RunOptions().kernelIdleTimeout

        func run() throws {
            try KernelDaemon.serve(folder: folder, idleTimeout: idleTimeout)
        }
    }
}
