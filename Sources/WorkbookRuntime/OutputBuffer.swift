#if canImport(Glibc)
import Glibc

/// Chapter output at the program's speed: stdout is fully buffered (one write(2) per 64 KiB,
/// not per `print`), flushed at every cell boundary and before every channel record (display,
/// check, inline value), so the engine still sees output and records in program order.
///
/// A trap must not lose what was printed before it: for the crash signals a handler writes
/// whatever stdio still holds with write(2) (async-signal-safe; stdio itself is not), then puts
/// the previous handler back and raises the signal again, so the process dies exactly as it
/// would have (the engine names the signal; Swift's own crash report is untouched).
/// A program killed outright (SIGKILL at its time limit) runs no handler, so a thread also
/// flushes stdout every 50 ms: a cell that prints and then spins keeps what it printed.
enum OutputBuffer {
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]
    /// The handlers that were in place before ours, one per entry of `crashSignals`. Allocated
    /// before any handler is installed, so the handler only reads memory that already exists.
    nonisolated(unsafe) static var previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 6)

    static func install() {
        setvbuf(stdout, nil, _IOFBF, 1 << 16)
        startFlusher()
        for (slot, signal) in crashSignals.enumerated() {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                OutputBuffer.writePending()
                for (slot, known) in OutputBuffer.crashSignals.enumerated() where known == signal {
                    sigaction(signal, OutputBuffer.previous + slot, nil)
                }
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, previous + slot)
        }
    }

    /// The thread that flushes stdout every 50 ms. A fork has no threads but the one that
    /// forked, so a process forked to go on with a run (the kernel's, see `Checkpoints`)
    /// starts its own.
    static func startFlusher() {
        var flusher = pthread_t()
        pthread_create(&flusher, nil, { _ in
            while true {
                usleep(50_000)
                fflush(stdout)
            }
        }, nil)
        pthread_detach(flusher)
    }

    /// The bytes stdio holds for stdout but has not written, written now with write(2).
    static func writePending() {
        guard let file = stdout else { return }
        // Wait (at most 0.2 s) for the flusher thread to finish a flush it may be in the middle
        // of, so the same bytes are not written twice. The lock is recursive: if the crashing
        // thread itself held it, this succeeds at once.
        var tries = 0
        while ftrylockfile(file) != 0 && tries < 200 { usleep(1000); tries += 1 }
        guard let base = file.pointee._IO_write_base, let end = file.pointee._IO_write_ptr,
              end > base else { return }
        var offset = 0
        let count = end - base
        while offset < count {
            let written = write(1, base + offset, count - offset)
            if written <= 0 { if written < 0 && errno == EINTR { continue }; return }
            offset += written
        }
        file.pointee._IO_write_ptr = base
    }
}
#else
enum OutputBuffer {
    static func install() { setvbuf(stdout, nil, _IONBF, 0) }
    static func startFlusher() {}
}
#endif
