import Crypto
import Foundation

/// `swiftc --version` costs about 0.2 s, most of a no-change rebuild's budget, so its text is
/// remembered in the temp folder, keyed by the real path, size and modification time of the
/// compiler's driver and frontend: installing another compiler changes the key.
enum CompilerVersion {
    static func text(of swiftc: String) throws -> String {
        let memo = memoPath(for: swiftc)
        if let memo, let text = try? String(contentsOfFile: memo, encoding: .utf8), !text.isEmpty {
            return text
        }
        let text = try ask(swiftc)
        if let memo {
            // Atomic: a concurrent build never reads half a memo; a memo not written costs only time.
            try? AtomicWrite.write(Array(text.utf8), to: memo)
        }
        return text
    }

    static func ask(_ swiftc: String) throws -> String {
        let run = try ProcessRunner.run(executable: swiftc, arguments: ["--version"])
        guard run.exit == .exited(0) else {
            // The compiler that cannot run is the tool failing, not the user's input.
            throw ToolFailure("`\(swiftc) --version` failed: \(String(decoding: run.stderr, as: UTF8.self))")
        }
        return String(decoding: run.stdout + run.stderr, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// nil when the compiler's files cannot be examined (then it is asked every time).
    private static func memoPath(for swiftc: String) -> String? {
        let driver = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath()
        let frontend = driver.deletingLastPathComponent().appendingPathComponent("swift-frontend")
        var identity = ""
        for file in [driver, frontend] {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
                  let size = attributes[.size] as? NSNumber,
                  let modified = attributes[.modificationDate] as? Date else {
                if file == frontend { continue }
                return nil
            }
            identity += "\(file.path)\u{0}\(size)\u{0}\(modified.timeIntervalSince1970)\u{0}"
        }
        let digest = SHA256.hash(data: Data(identity.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        return NSTemporaryDirectory() + "/workbook-swiftc-version-\(getuid())-\(digest).txt"
    }
}
