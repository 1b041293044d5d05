#if canImport(Glibc)
import Glibc
import WorkbookProtocol

/// The kernel's fork loop, on the program's side.
///
/// When the engine asks for it (`WORKBOOK_KERNEL_*` in the environment), the program forks at
/// the start of chosen cells: the parent goes on with the run as if nothing happened, and the
/// child is a checkpoint, the state after every cell before that one, frozen. It leaves the
/// run's process group and pipes, listens on a Unix socket, and for each `RUN` command forks
/// again: that fork takes the stdout, stderr and channel descriptors sent with the command,
/// loads the engine's compiled suffix (`dlopen`) and calls its entry point, which runs the
/// edited cells from there on. The checkpoint ends when the engine closes its end of the
/// lifeline pipe, or on `QUIT`.
///
/// Inside the bubblewrap sandbox (`WORKBOOK_KERNEL_STATUS_FD` given) the roles are swapped:
/// the sandbox ends when its first process does, so the process that reaches a boundary stays
/// as the checkpoint and its fork goes on with the run. The checkpoint whose fork ends tells
/// the engine how it ended (`exit STATUS` on the status descriptor), as the sandbox itself
/// cannot while checkpoints keep it alive.
///
/// Commands, one line each, tab-separated: `RUN key run cells library entry` (`key`: the new
/// run's channel key in hex)
/// (`cells` lists where the resumed run checkpoints in turn, comma-separated, `-` for none),
/// answered by `pid N` and, once that run has ended, `exit STATUS` (waitpid's raw status);
/// anything the engine writes on that connection meanwhile (or its closing) kills the run;
/// `QUIT`.
enum Checkpoints {
    struct Configuration {
        var directory: String
        var run: String
        var cells: Set<Int>
        var lifeline: Int32
        /// In the sandbox: where the checkpoint whose fork runs the cells reports its end.
        var status: Int32? = nil
    }

    /// Read once and removed from the environment, so chapter code does not see it.
    nonisolated(unsafe) static var configuration: Configuration? = fromEnvironment()

    private static func fromEnvironment() -> Configuration? {
        let names = ["WORKBOOK_KERNEL_DIR", "WORKBOOK_KERNEL_RUN", "WORKBOOK_KERNEL_CELLS", "WORKBOOK_KERNEL_LIFELINE_FD",
                     "WORKBOOK_KERNEL_STATUS_FD"]
        let values = names.map { getenv($0).map { String(cString: $0) } }
        for name in names { unsetenv(name) }
        guard let directory = values[0], let run = values[1], let cells = values[2],
              let lifeline = values[3].flatMap(Int32.init) else { return nil }
        return Configuration(directory: directory, run: run, cells: parseCells(cells), lifeline: lifeline,
                             status: values[4].flatMap(Int32.init))
    }

    static func parseCells(_ text: String) -> Set<Int> {
        Set(text.split(separator: ",").compactMap { Int($0) })
    }

    /// Called at the start of cell `index`, after stdio is flushed and before its markers.
    static func atBoundary(before index: Int, channel: EngineChannel) {
        guard let configuration, configuration.cells.contains(index) else { return }
        let path = "\(configuration.directory)/\(configuration.run)-\(index).sock"
        // Listening before the fork: the engine may connect as soon as it hears of it.
        guard let listener = UnixSocket.listen(at: path) else { return }
        let pid = fork()
        if pid < 0 {
            close(listener)
            unlink(path)
            return
        }
        if let status = configuration.status {
            // In the sandbox: this process stays; its fork goes on. Its pid here means nothing
            // outside the sandbox's PID namespace: 0, and the engine asks the socket (SO_PEERCRED).
            if pid > 0 {
                serve(listener: listener, lifeline: configuration.lifeline, channel: channel, runner: (pid, status))
            }
            close(listener)
            OutputBuffer.startFlusher()
            channel.send(.checkpoint, fields: [index, 0], payload: [])
            return
        }
        if pid == 0 { serve(listener: listener, lifeline: configuration.lifeline, channel: channel, runner: nil) }
        // Out of the run's process group from this side too: the run may end, and the engine
        // kill its group, before the checkpoint's own setpgid has run.
        setpgid(pid, pid)
        close(listener)
        channel.send(.checkpoint, fields: [index, Int(pid)], payload: [])
    }

    /// `runner`: in the sandbox, the fork that goes on with the run and where to report its end.
    private static func serve(listener: Int32, lifeline: Int32, channel: EngineChannel,
                              runner: (pid: pid_t, status: Int32)?) -> Never {
        // Out of the run's process group (the engine kills that group when the run ends) and off
        // its pipes (the engine reads them until every writer has closed them).
        setpgid(0, 0)
        let null = open("/dev/null", O_RDWR)
        for target in [Int32(0), 1, 2, channel.fd] { dup2(null, target) }
        if null > 2 && null != channel.fd { close(null) }
        // A report to an engine that has gone must not kill the checkpoint.
        signal(SIGPIPE, SIG_IGN)
        var running: [pid_t: Int32] = [:]
        var runner = runner
        if runner == nil, let status = configuration?.status { close(status) }
        // The processes whose end this checkpoint waits for, each with a descriptor that becomes
        // readable when it ends (-1 where the system has none: then it is looked at every 5 ms).
        // In the sandbox the fork that went on usually becomes the next checkpoint and never
        // ends: a 5 ms look at it, in every checkpoint, kept the processor busy for good.
        var exits: [pid_t: Int32] = [:]
        if let current = runner { exits[current.pid] = exitDescriptor(of: current.pid) }
        while true {
            var polls = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
                         pollfd(fd: lifeline, events: Int16(POLLIN), revents: 0)]
            let connections = Array(running)
            polls += connections.map { pollfd(fd: $0.value, events: Int16(POLLIN), revents: 0) }
            polls += exits.values.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polls, nfds_t(polls.count), exits.values.contains(-1) ? 5 : -1)
            if ready < 0 && errno != EINTR { _exit(0) }
            if polls[1].revents != 0 { _exit(0) }  // the engine has gone
            // The engine wrote or hung up on a run's connection: it wants that run ended (timeout).
            for (slot, entry) in connections.enumerated() where polls[2 + slot].revents != 0 {
                kill(-entry.key, SIGKILL)
            }
            var status: Int32 = 0
            while true {
                let ended = waitpid(-1, &status, WNOHANG)
                if ended <= 0 { break }
                if let fd = exits.removeValue(forKey: ended), fd >= 0 { close(fd) }
                if let connection = running.removeValue(forKey: ended) {
                    writeAll(connection, Array("exit \(status)\n".utf8))
                    close(connection)
                }
                if let current = runner, current.pid == ended {
                    writeAll(current.status, Array("exit \(status)\n".utf8))
                    close(current.status)
                    runner = nil
                }
            }
            guard polls[0].revents != 0 else { continue }
            let connection = accept(listener, nil, nil)
            if connection < 0 { continue }
            guard let (command, descriptors) = UnixSocket.receiveLine(connection) else {
                close(connection)
                continue
            }
            let fields = command.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.first == "QUIT" { _exit(0) }
            guard fields.count == 6, fields[0] == "RUN", descriptors.count == 3 else {
                for fd in descriptors { close(fd) }
                writeAll(connection, Array("error bad command\n".utf8))
                close(connection)
                continue
            }
            let child = fork()
            if child == 0 {
                close(listener)
                close(connection)
                for other in running.values { close(other) }
                for fd in exits.values where fd >= 0 { close(fd) }
                if let current = runner { close(current.status) }
                resume(fields: fields, descriptors: descriptors, lifeline: lifeline, channel: channel)
            }
            for fd in descriptors { close(fd) }
            if child < 0 {
                writeAll(connection, Array("error fork failed\n".utf8))
                close(connection)
                continue
            }
            setpgid(child, child)
            writeAll(connection, Array("pid \(child)\n".utf8))
            running[child] = connection
            exits[child] = exitDescriptor(of: child)
        }
    }

    /// A descriptor that becomes readable when child `pid` ends (`pidfd_open`, Linux 5.3 and
    /// glibc 2.36), or -1.
    private static func exitDescriptor(of pid: pid_t) -> Int32 {
        typealias PidfdOpen = @convention(c) (pid_t, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pidfd_open") else { return -1 }
        return unsafeBitCast(symbol, to: PidfdOpen.self)(pid, 0)
    }

    /// In the fork of a checkpoint: takes the run's pipes and runs the suffix to its end.
    private static func resume(fields: [String], descriptors: [Int32], lifeline: Int32,
                               channel: EngineChannel) -> Never {
        setpgid(0, 0)
        signal(SIGPIPE, SIG_DFL)
        dup2(descriptors[0], 1)
        dup2(descriptors[1], 2)
        dup2(descriptors[2], channel.fd)
        for fd in descriptors where fd > 2 && fd != channel.fd { close(fd) }
        ParentWatch.killMeWithParent()
        OutputBuffer.startFlusher()
        channel.restart(key: hexBytes(fields[1]))
        configuration = Configuration(directory: configuration?.directory ?? "", run: fields[2],
                                      cells: parseCells(fields[3]), lifeline: lifeline)
        guard let library = dlopen(fields[4], RTLD_NOW) else {
            writeAll(2, Array("workbook kernel: \(dlerror().map { String(cString: $0) } ?? "dlopen failed")\n".utf8))
            _exit(121)
        }
        guard let symbol = dlsym(library, fields[5]) else {
            writeAll(2, Array("workbook kernel: no entry point \(fields[5])\n".utf8))
            _exit(121)
        }
        typealias Entry = @convention(c) (Int32, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32
        let code = unsafeBitCast(symbol, to: Entry.self)(0, nil)
        // As when a program's main returns: stdio flushed, exit handlers run.
        exit(code)
    }
}

private func hexBytes(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex, let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex) {
        bytes.append(UInt8(text[index..<next], radix: 16) ?? 0)
        index = next
    }
    return bytes
}

/// The few Unix-socket calls the checkpoints need.
enum UnixSocket {
    static func listen(at path: String) -> Int32? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = byte }
            buffer[bytes.count] = 0
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        unlink(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Reads one command line and the descriptors sent with it (SCM_RIGHTS).
    static func receiveLine(_ fd: Int32) -> (String, [Int32])? {
        var text: [UInt8] = []
        var descriptors: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        // cmsghdr (16 bytes) then up to 8 descriptors.
        var control = [UInt8](repeating: 0, count: 16 + 8 * 4)
        while !text.contains(10) {
            let count = buffer.withUnsafeMutableBytes { data -> Int in
                control.withUnsafeMutableBytes { controlBytes -> Int in
                    var vector = iovec(iov_base: data.baseAddress, iov_len: data.count)
                    return withUnsafeMutablePointer(to: &vector) { vectorPointer -> Int in
                        var message = msghdr()
                        message.msg_iov = vectorPointer
                        message.msg_iovlen = 1
                        message.msg_control = controlBytes.baseAddress
                        message.msg_controllen = controlBytes.count
                        let received = recvmsg(fd, &message, 0)
                        if received >= 0 && message.msg_controllen >= 16 {
                            let header = controlBytes.load(as: cmsghdr.self)
                            if header.cmsg_level == SOL_SOCKET && header.cmsg_type == 1 /* SCM_RIGHTS */ {
                                let count = (Int(header.cmsg_len) - 16) / 4
                                for slot in 0..<count {
                                    descriptors.append(controlBytes.load(fromByteOffset: 16 + 4 * slot, as: Int32.self))
                                }
                            }
                        }
                        return received
                    }
                }
            }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                for fd in descriptors { close(fd) }
                return nil
            }
            text += buffer[0..<count]
        }
        let line = text.prefix { $0 != 10 }
        return (String(decoding: line, as: UTF8.self), descriptors)
    }
}
#else
enum Checkpoints {
    static func atBoundary(before index: Int, channel: EngineChannel) {}
}
#endif
