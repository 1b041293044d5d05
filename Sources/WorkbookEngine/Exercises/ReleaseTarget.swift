import Foundation

/// `release` must never write over the instructor's chapters: the output folder may not be,
/// contain, or resolve (through any symlink) to a chapter or a chapter's folder, and no file it
/// would replace may be a chapter (a symlink or hard link to one included).
enum ReleaseTarget {
    static func refuseUnsafe(_ directory: String, chapters: [Chapter]) throws {
        let output = physical(directory)
        for chapter in chapters {
            let file = physical(chapter.path)
            let folder = (file as NSString).deletingLastPathComponent
            let clash: String?
            if output == file {
                clash = "is the chapter \(chapter.path)"
            } else if output == folder {
                clash = "is the folder of \(chapter.path)"
            } else if folder.hasPrefix(output == "/" ? "/" : output + "/") {
                clash = "contains \(chapter.path)"
            } else {
                clash = nil
            }
            if let clash {
                throw WorkbookError("--output \(directory) \(clash): the release would overwrite the instructor's chapters; choose a folder outside them")
            }
        }
        // A file already in the output that is a chapter under another name.
        for chapter in chapters {
            let name = (chapter.path as NSString).lastPathComponent
            let target = (directory as NSString).appendingPathComponent(name)
            guard let targetID = identity(target) else { continue }
            if let other = chapters.first(where: { identity($0.path) == targetID }) {
                throw WorkbookError("\(target) is the instructor's chapter \(other.path) (a link to it): the release would overwrite it; choose another --output")
            }
        }
    }

    /// Device and inode, following symlinks; nil when there is no such file.
    static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// The absolute path with every symlink resolved. The part that does not exist yet cannot
    /// hold a symlink, so its `..` are resolved by name after the existing part's real path.
    static func physical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = absolute
        var rest: [String] = []
        var resolved = realpath(existing, nil)
        while resolved == nil, existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
            resolved = realpath(existing, nil)
        }
        guard let resolved else { return absolute }
        var components = String(cString: resolved).split(separator: "/").map(String.init)
        free(resolved)
        for part in rest {
            switch part {
            case "", ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(part)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
