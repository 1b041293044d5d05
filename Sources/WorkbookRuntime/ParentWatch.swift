#if canImport(Glibc)
import Glibc

/// Ends the chapter program when the engine that started it goes away (Ctrl-C on `workbook run`):
/// the program runs in its own process group, so the terminal's SIGINT never reaches it, and a
/// `while true {}` cell would otherwise spin on forever.
enum ParentWatch {
    static func killMeWithParent() {
        // prctl is variadic in C, so Swift cannot call it directly; every argument is an integer.
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return }
        let prctlSetDeathSignal: Int32 = 1  // PR_SET_PDEATHSIG
        let parent = getppid()
        _ = unsafeBitCast(symbol, to: Prctl.self)(prctlSetDeathSignal, UInt(SIGKILL), 0, 0, 0)
        // The engine may have gone before the request took effect.
        if getppid() != parent { _exit(137) }
    }
}
#else
enum ParentWatch {
    static func killMeWithParent() {}
}
#endif
