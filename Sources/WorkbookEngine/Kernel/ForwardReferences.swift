/// What lets a checkpoint be reused soundly, read off the cells' source text.
///
/// In a chapter program (one `main.swift`) a top-level function, type or extension is visible
/// to every cell, the ones above it included. So the code the checkpoint's cells were compiled
/// to can depend on later cells: a call may resolve to an overload a later cell declares, a
/// `print` may use a conformance a later cell adds. Resuming before cell b is exact only when no
/// name declared at the top level of cells ≥ b (in the program the checkpoint ran, and in the
/// edited one) occurs anywhere in cells < b. This is a conservative, lexical test: a name that
/// merely looks the same makes the kernel run the chapter from the top, never the reverse.
struct TopLevelNames: Equatable {
    /// Names declared at the top level (functions, types, variables, extension members) and
    /// extended types; `#everything` when a declaration could affect code that never names it
    /// (an operator, a conformance added to a type declared elsewhere).
    var declared: Set<String> = []
    /// `import X` lines at the top level.
    var imports: [String] = []
    /// Every identifier-like word, strings and comments included.
    var words: Set<String> = []

    static let everything = "#everything"

    init() {}

    init(code: String) {
        var scanner = Scanner(Array(code.utf8))
        scanner.scan(into: &self)
    }

    mutating func formUnion(_ other: TopLevelNames) {
        declared.formUnion(other.declared)
        for name in other.imports where !imports.contains(name) { imports.append(name) }
        words.formUnion(other.words)
    }

    /// Whether a prefix with these words and imports is unaffected by later code declaring `later`.
    func isIndependent(of later: TopLevelNames) -> Bool {
        if later.declared.contains(Self.everything) { return false }
        if !later.declared.isDisjoint(with: words) { return false }
        // A later import could change what a name above it means.
        return later.imports.allSatisfy(imports.contains)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        var braceDepth = 0
        /// Brace depth of the body of a top-level `extension` being read, if any.
        var extensionDepth: Int?
        /// Names of types this code declares (a conformance added to one of them is harmless).
        var ownTypes: Set<String> = []
        var conformedTypes: [String] = []

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func scan(into names: inout TopLevelNames) {
            var previous = ""
            var pendingExtension: String?
            // After `let`/`var`: every identifier up to `:` or `=` is bound (`let (a, b) = …`).
            var binding = false
            while let token = next(words: &names.words) {
                let atTop = braceDepth == 0
                let inExtensionBody = extensionDepth.map { braceDepth == $0 } ?? false
                switch token {
                case "{":
                    braceDepth += 1
                    binding = false
                    if pendingExtension != nil {
                        extensionDepth = braceDepth
                        pendingExtension = nil
                    }
                case "}":
                    if extensionDepth == braceDepth { extensionDepth = nil }
                    braceDepth = max(0, braceDepth - 1)
                    binding = false
                case ":", "=":
                    binding = false
                    if token == ":" && atTop, let extended = pendingExtension { conformedTypes.append(extended) }
                default:
                    guard atTop || inExtensionBody else { break }
                    if previous == "func" && !isIdentifier(token) && token != "`" {
                        names.declared.insert(TopLevelNames.everything)  // an operator function
                    }
                    guard isIdentifier(token) else { break }
                    if binding {
                        if token != "_" { names.declared.insert(token) }
                    } else if token == "let" || token == "var" {
                        binding = true
                    } else if ["func", "struct", "class", "enum", "protocol", "typealias", "actor",
                                "associatedtype", "macro"].contains(previous) {
                        names.declared.insert(token)
                        if ["struct", "class", "enum", "actor", "protocol"].contains(previous) && atTop {
                            ownTypes.insert(token)
                        }
                    } else if previous == "extension" && atTop {
                        names.declared.insert(token)
                        pendingExtension = token
                    } else if previous == "import" && atTop {
                        names.imports.append(token)
                    }
                    if ["operator", "precedencegroup"].contains(token) { names.declared.insert(TopLevelNames.everything) }
                    if token == "init" || token == "subscript" { names.declared.insert(token) }
                }
                previous = token
            }
            for type in conformedTypes where !ownTypes.contains(type) {
                names.declared.insert(TopLevelNames.everything)
            }
        }

        private func isIdentifier(_ token: String) -> Bool {
            guard let first = token.utf8.first else { return false }
            return first == UInt8(ascii: "_") || isLetter(first) || first >= 0x80
        }

        /// The next token: an identifier, or one punctuation character. Comments and string
        /// literals are skipped (their words still go into `words`, to stay on the safe side).
        mutating func next(words: inout Set<String>) -> String? {
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "/") {
                    let start = position
                    while position < bytes.count && bytes[position] != 10 { position += 1 }
                    collectWords(start, position, into: &words)
                    continue
                }
                if byte == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                    let start = position
                    var depth = 0
                    repeat {
                        if bytes[position] == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                            depth += 1
                            position += 2
                        } else if bytes[position] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") {
                            depth -= 1
                            position += 2
                        } else {
                            position += 1
                        }
                    } while depth > 0 && position < bytes.count
                    collectWords(start, position, into: &words)
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    let start = position
                    let triple = peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"")
                    position += triple ? 3 : 1
                    while position < bytes.count {
                        if bytes[position] == UInt8(ascii: "\\") { position += 2; continue }
                        if bytes[position] == UInt8(ascii: "\"") {
                            if !triple { position += 1; break }
                            if peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"") { position += 3; break }
                        }
                        if !triple && bytes[position] == 10 { break }
                        position += 1
                    }
                    collectWords(start, min(position, bytes.count), into: &words)
                    continue
                }
                if isLetter(byte) || byte == UInt8(ascii: "_") || byte >= 0x80 {
                    let start = position
                    while position < bytes.count && (isLetter(bytes[position]) || isDigit(bytes[position])
                                                      || bytes[position] == UInt8(ascii: "_") || bytes[position] >= 0x80) {
                        position += 1
                    }
                    let word = String(decoding: bytes[start..<position], as: UTF8.self)
                    words.insert(word)
                    return word
                }
                position += 1
                if byte == 32 || byte == 9 || byte == 10 || byte == 13 { continue }
                if isDigit(byte) {
                    while position < bytes.count && (isLetter(bytes[position]) || isDigit(bytes[position])
                                                      || bytes[position] == UInt8(ascii: ".")) { position += 1 }
                    continue
                }
                return String(UnicodeScalar(byte))
            }
            return nil
        }

        private func peek(_ offset: Int) -> UInt8? {
            position + offset < bytes.count ? bytes[position + offset] : nil
        }

        private func collectWords(_ start: Int, _ end: Int, into words: inout Set<String>) {
            let sub = Scanner(Array(bytes[start..<end]))
            var index = 0
            while index < sub.bytes.count {
                let byte = sub.bytes[index]
                if isLetter(byte) || byte == UInt8(ascii: "_") || byte >= 0x80 {
                    let begin = index
                    while index < sub.bytes.count && (isLetter(sub.bytes[index]) || isDigit(sub.bytes[index])
                                                      || sub.bytes[index] == UInt8(ascii: "_") || sub.bytes[index] >= 0x80) {
                        index += 1
                    }
                    words.insert(String(decoding: sub.bytes[begin..<index], as: UTF8.self))
                } else {
                    index += 1
                }
            }
        }

        private func isLetter(_ byte: UInt8) -> Bool {
            (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    }
}
