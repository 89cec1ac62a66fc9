import MCP

/// Maps an az command line to an MCP tool and its arguments, by the tool's name and input schema.
///
/// Azure's own MCP server names tools `azmcp_<area>_<resource>_<op>` and offers a tool that
/// runs an az command line. A step goes to a specific tool when one's name matches the
/// command's words (with or without an area in front) and every flag of the command has a
/// property in the tool's schema, with all required properties given; otherwise to the az
/// pass-through, when the server has one.
enum MCPToolMatcher {
  /// az's short flags, by the long name a schema uses.
  static let shortFlags = ["-g": "resource-group", "-n": "name", "-d": "details", "-l": "location"]

  /// True when `toolName` names the command `words` (`vm disk attach` matches
  /// `azmcp_compute_vm_disk_attach` and `azmcp_vm_disk_attach`).
  static func matches(_ toolName: String, words: [String]) -> Bool {
    let tool = toolName.lowercased()
    guard tool.hasPrefix("azmcp_") else { return false }
    let rest = tool.dropFirst("azmcp_".count)
    let wanted = words.map { $0.lowercased().replacingOccurrences(of: "-", with: "_") }
      .joined(separator: "_")
    if rest == wanted { return true }
    guard let underscore = rest.firstIndex(of: "_") else { return false }
    return rest[rest.index(after: underscore)...] == wanted
  }

  /// True for a tool that runs an az command line: named `az` or ending in `_az`, with a
  /// required string property `command`.
  static func isPassThrough(_ tool: Tool) -> Bool {
    let name = tool.name.lowercased()
    guard name == "az" || name.hasSuffix("_az") else { return false }
    let schema = Schema(tool.inputSchema)
    return schema.types["command"] == "string" && schema.required.contains("command")
  }

  /// The arguments for a specific tool, or `nil` when the command cannot be expressed in its schema.
  static func arguments(for arguments: [String], schema value: Value) -> [String: Value]? {
    let schema = Schema(value)
    let words = arguments.prefix(while: { !$0.hasPrefix("-") })
    var result: [String: Value] = [:]
    var i = words.count
    while i < arguments.count {
      let flag = arguments[i]
      guard flag.hasPrefix("-") else { return nil }
      let long = shortFlags[flag] ?? String(flag.drop(while: { $0 == "-" }))
      guard let property = schema.property(named: long) else { return nil }
      let type = schema.types[property] ?? "string"
      let next = i + 1 < arguments.count ? arguments[i + 1] : nil
      if type == "boolean" {
        result[property] = .bool(true)
        i += 1
        continue
      }
      guard let text = next, !text.hasPrefix("--") else { return nil }
      switch type {
      case "integer":
        guard let n = Int(text) else { return nil }
        result[property] = .int(n)
      case "number":
        guard let d = Double(text) else { return nil }
        result[property] = .double(d)
      default:
        result[property] = .string(text)
      }
      i += 2
    }
    guard schema.required.allSatisfy({ result[$0] != nil }) else { return nil }
    return result
  }

  /// The command line a pass-through tool runs: the words after `az`, quoted where needed.
  static func commandLine(_ arguments: [String]) -> String {
    arguments.map { word in
      let plain =
        !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || "-_.=/:,@+".contains($0) }
      return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\"'\"'") + "'"
    }.joined(separator: " ")
  }

  /// The parts of a JSON schema the matcher reads.
  struct Schema {
    /// Property name → its JSON type.
    var types: [String: String] = [:]
    var required: Set<String> = []

    init(_ value: Value) {
      if case .object(let object) = value {
        if case .object(let properties)? = object["properties"] {
          for (name, property) in properties {
            if case .object(let p) = property, case .string(let type)? = p["type"] {
              types[name] = type
            } else {
              types[name] = "string"
            }
          }
        }
        if case .array(let names)? = object["required"] {
          required = Set(names.compactMap { if case .string(let s) = $0 { s } else { nil } })
        }
      }
    }

    /// The property for flag `long`: the same name, or with `_` or camelCase for `-`.
    func property(named long: String) -> String? {
      let parts = long.split(separator: "-").map(String.init)
      let camel = (parts.first ?? "") + parts.dropFirst().map(\.capitalized).joined()
      for candidate in [long, long.replacingOccurrences(of: "-", with: "_"), camel]
      where types[candidate] != nil {
        return candidate
      }
      return nil
    }
  }
}
