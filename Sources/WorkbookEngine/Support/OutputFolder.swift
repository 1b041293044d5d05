import Foundation

/// Checks an output folder the user named before anything is written, so a path that is a
/// file gets a plain sentence (not Foundation's "NSCocoaErrorDomain error 512").
public enum OutputFolder {
    /// Creates `path` (and its parents) unless it is a folder already.
    public static func prepare(_ path: String, option: String = "--output") throws {
        try requireNotAFile(path, option: option)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ToolFailure("cannot create the folder \(path): \(reason(error))")
        }
    }

    /// Bad input when `path`, or a folder on the way to it, is a file.
    public static func requireNotAFile(_ path: String, option: String = "--output") throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder), !isFolder.boolValue {
                let shown = path.hasPrefix("/") ? prefix : String(prefix.dropFirst(2))
                throw WorkbookError("\(path): \(shown == path ? "is" : "\(shown) is") a file, not a folder; choose another \(option)")
            }
        }
    }

    /// Bad input when a report file's path is a folder.
    public static func requireFile(_ path: String, option: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw WorkbookError("\(path): is a folder; \(option) takes a file name")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try requireNotAFile(folder, option: option)
    }

    /// The POSIX reason inside a Foundation error, when there is one.
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
