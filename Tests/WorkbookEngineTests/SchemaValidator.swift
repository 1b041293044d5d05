import Foundation

/// A small JSON Schema (draft-07) checker, enough for the grading schemas in
/// Fixtures/schemas/: type, enum, properties, required, additionalProperties, items, minimum,
/// maximum, anyOf and local `$ref`s. Any other keyword in a schema is an error, so a schema
/// can never silently check less than it says.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}

struct SchemaValidator {
    let root: JSONValue

    init(schemaText: String) throws { root = try JSONValue.parse(schemaText) }

    static let known: Set<String> = ["$schema", "$comment", "$ref", "title", "description", "type", "enum",
                                     "properties", "required", "additionalProperties", "items", "minimum",
                                     "maximum", "anyOf", "definitions"]

    /// Every violation, as `path: problem`; empty when the document is valid.
    func errors(in document: JSONValue) -> [String] {
        var out: [String] = []
        check(document, against: root, at: "$", into: &out)
        return out
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard case .object(let members) = node, let next = members[String(part)] else { return nil }
            node = next
        }
        return node
    }

    private func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let n): return n == n.rounded() ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into out: inout [String]) {
        guard case .object(let rules) = schema else { out.append("\(path): schema is not an object"); return }
        for key in rules.keys where !Self.known.contains(key) { out.append("\(path): unsupported schema keyword \(key)") }
        if case .string(let reference)? = rules["$ref"] {
            guard let target = resolve(reference) else { out.append("\(path): unresolved \(reference)"); return }
            check(value, against: target, at: path, into: &out)
        }
        if let type = rules["type"] {
            let allowed: [String]
            switch type {
            case .string(let one): allowed = [one]
            case .array(let many): allowed = many.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
            default: allowed = []
            }
            let actual = typeName(value)
            if !(allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))) {
                out.append("\(path): expected \(allowed.joined(separator: " or ")), found \(actual)")
                return
            }
        }
        if case .array(let options)? = rules["enum"], !options.contains(value) {
            out.append("\(path): \(value) is not one of the allowed values")
        }
        if case .number(let n) = value {
            if case .number(let low)? = rules["minimum"], n < low { out.append("\(path): \(n) < minimum \(low)") }
            if case .number(let high)? = rules["maximum"], n > high { out.append("\(path): \(n) > maximum \(high)") }
        }
        if case .array(let options)? = rules["anyOf"] {
            let matches = options.contains { option in
                var scratch: [String] = []
                check(value, against: option, at: path, into: &scratch)
                return scratch.isEmpty
            }
            if !matches { out.append("\(path): matches none of anyOf") }
        }
        if case .object(let members) = value {
            if case .array(let required)? = rules["required"] {
                for case .string(let key) in required where members[key] == nil { out.append("\(path): missing \(key)") }
            }
            var properties: [String: JSONValue] = [:]
            if case .object(let declared)? = rules["properties"] { properties = declared }
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                if let rule = properties[key] {
                    check(member, against: rule, at: "\(path).\(key)", into: &out)
                } else if let extra = rules["additionalProperties"] {
                    if extra == .bool(false) { out.append("\(path): unexpected key \(key)") }
                    else if case .object = extra { check(member, against: extra, at: "\(path).\(key)", into: &out) }
                }
            }
        }
        if case .array(let items) = value, let rule = rules["items"] {
            for (index, item) in items.enumerated() { check(item, against: rule, at: "\(path)[\(index)]", into: &out) }
        }
    }
}

enum GradingSchemas {
    static func validator(_ name: String) throws -> SchemaValidator {
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/schemas").path
        return try SchemaValidator(schemaText: String(contentsOfFile: folder + "/\(name).schema.json", encoding: .utf8))
    }

    static func errors(_ document: String, schema name: String) throws -> [String] {
        try validator(name).errors(in: JSONValue.parse(document))
    }
}
