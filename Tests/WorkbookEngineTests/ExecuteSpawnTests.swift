import Foundation
import Testing
@testable import WorkbookEngine

/// `ChildProcess.spawn` hands the child exactly the descriptors asked for, however the engine's
/// own copies happen to be numbered.
struct ExecuteSpawnTests {
    /// A pipe whose write end is renumbered to `number` (a free number, close-on-exec as the
    /// engine's are): its read end and the write end's number.
    private func pipe(numbered number: Int32) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        _ = makePipe(&ends)
        let write = fcntl(ends[1], F_DUPFD_CLOEXEC, number)
        close(ends[1])
        return (ends[0], write)
    }

    private func drain(_ fd: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = read(fd, &bytes, bytes.count)
        close(fd)
        return String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
    }

    /// The second descriptor's source is numbered as the first one's target: applied in order,
    /// the first dup2 overwrote it, and the child got the first pipe twice. So it was when the
    /// kernel's lifeline pipe happened to be numbered 4 (the handshake's number in the child):
    /// the lifeline the chapter program saw was the handshake pipe, which closes once the key
    /// is sent, and every checkpoint of that run ended at once.
    @Test func aSourceNumberedAsAnotherTargetStillReachesTheChild() throws {
        let first = pipe(numbered: 400)
        let second = pipe(numbered: 300)
        #expect(second.write == 300)
        let child = try ChildProcess.spawn(
            executable: "/bin/bash", arguments: ["-c", "echo first >&300; echo second >&301"],
            passing: [(target: 300, source: first.write), (target: 301, source: second.write)])
        close(first.write)
        close(second.write)
        var status: Int32 = 0
        waitpid(child.pid, &status, 0)
        for fd in child.readEnds where fd >= 0 { close(fd) }
        #expect(drain(first.read) == "first\n")
        #expect(drain(second.read) == "second\n")
    }
}
