import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The engine's side of a checkpoint's socket (the runtime's side is `Checkpoints` in
/// WorkbookRuntime): asks it to fork and run a suffix library, handing over fresh pipes for
/// stdout, stderr and the channel, or to quit.
enum CheckpointConnection {
    /// Starts the suffix in a fork of the checkpoint; the returned process is pumped like a
    /// spawned one, its end read from the socket.
    static func resume(socket path: String, key: [UInt8], library: String, entry: String) throws -> ChildProcess {
        let connection = try connect(path)
        var pipes: [(read: Int32, write: Int32)] = []
        defer { for pipe in pipes { close(pipe.write) } }
        for _ in 0..<3 {
            var ends: [Int32] = [0, 0]
            guard makePipe(&ends) == 0 else {
                for pipe in pipes { close(pipe.read) }
                close(connection)
                throw WorkbookError("cannot create a pipe: \(String(cString: strerror(errno)))")
            }
            pipes.append((ends[0], ends[1]))
        }
        let hexKey = key.map { String(format: "%02x", $0) }.joined()
        let command = ["RUN", hexKey, "resumed", "-", library, entry].joined(separator: "\t") + "\n"
        guard send(Array(command.utf8), descriptors: pipes.map(\.write), on: connection),
              let reply = readLine(connection), reply.hasPrefix("pid "), let pid = Int32(reply.dropFirst(4)) else {
            for pipe in pipes { close(pipe.read) }
            close(connection)
            throw WorkbookError("the checkpoint at \(path) did not start the run")
        }
        var child = ChildProcess(pid: pid, readEnds: pipes.map(\.read))
        child.statusSocket = connection
        return child
    }

    /// Asks a checkpoint to end; false when it was gone already.
    @discardableResult
    static func quit(socket path: String) -> Bool {
        guard let connection = try? connect(path) else { return false }
        defer { close(connection) }
        return send(Array("QUIT\n".utf8), descriptors: [], on: connection)
    }

    /// The pid, as this process sees it, of whoever listens at `path` (SO_PEERCRED).
    static func peerPID(socket path: String) -> Int32? {
        guard let connection = try? connect(path) else { return nil }
        defer { close(connection) }
        var credentials: (pid: Int32, uid: UInt32, gid: UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard getsockopt(connection, SOL_SOCKET, 17 /* SO_PEERCRED */, &credentials, &length) == 0,
              credentials.pid > 0 else { return nil }
        return credentials.pid
    }

    private static func connect(_ path: String) throws -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw WorkbookError("socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = byte }
            buffer[bytes.count] = 0
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw WorkbookError("cannot create a socket") }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard status == 0 else {
            close(fd)
            throw WorkbookError("no checkpoint listens at \(path)")
        }
        return fd
    }

    /// One sendmsg with the descriptors as SCM_RIGHTS (cmsghdr is 16 bytes on 64-bit Linux).
    private static func send(_ bytes: [UInt8], descriptors: [Int32], on fd: Int32) -> Bool {
        let headerSize = MemoryLayout<cmsghdr>.size
        var control = [UInt8](repeating: 0, count: descriptors.isEmpty ? 0 : headerSize + ((descriptors.count * 4 + 7) & ~7))
        var payload = bytes
        let sent = payload.withUnsafeMutableBytes { data -> Int in
            control.withUnsafeMutableBytes { controlBytes -> Int in
                if !descriptors.isEmpty {
                    var header = cmsghdr()
                    header.cmsg_len = headerSize + descriptors.count * 4
                    header.cmsg_level = SOL_SOCKET
                    header.cmsg_type = 1  // SCM_RIGHTS
                    controlBytes.storeBytes(of: header, as: cmsghdr.self)
                    for (slot, descriptor) in descriptors.enumerated() {
                        controlBytes.storeBytes(of: descriptor, toByteOffset: headerSize + 4 * slot, as: Int32.self)
                    }
                }
                var vector = iovec(iov_base: data.baseAddress, iov_len: data.count)
                return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = descriptors.isEmpty ? nil : controlBytes.baseAddress
                    message.msg_controllen = descriptors.isEmpty ? 0 : controlBytes.count
                    return sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
                }
            }
        }
        return sent == bytes.count
    }

    private static func readLine(_ fd: Int32) -> String? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < 256 {
            let count = read(fd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return nil }
            if byte == 10 { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
        }
        return nil
    }
}
