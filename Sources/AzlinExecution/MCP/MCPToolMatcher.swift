import AzlinAzure
import MCP

/// Maps an operation to an MCP tool and its arguments, by the tool's name and input schema.
///
/// Azure's own MCP server names tools `azmcp_<area>_<resource>_<op>` and offers a tool that
/// runs an az command line. A step goes to a specific tool when one's name matches the
/// operation's words (with or without an area in front) and every parameter of the operation
/// has a property in the tool's schema, with all required properties given; otherwise to the
/// az pass-through, when the server has one.
enum MCPToolMatcher {
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

  /// The arguments for a specific tool, or `nil` when the operation cannot be expressed in
  /// its schema: a parameter with no property, a value of the wrong type, several values
  /// for one property, or a required property not given.
  static func arguments(for operation: AzureOperation, schema value: Value) -> [String: Value]? {
    let schema = Schema(value)
    var result: [String: Value] = [:]
    for parameter in operation.parameters {
      guard let property = schema.property(named: parameter.name) else { return nil }
      let type = schema.types[property] ?? "string"
      let text: String
      switch parameter.value {
      case .text(let value): text = value
      case .number(let n): text = String(n)
      case .list(let values) where values.count == 1: text = values[0]
      case .list(let values) where values.count > 1: return nil
      case .flag, .list:
        guard type == "boolean" else { return nil }
        result[property] = .bool(true)
        continue
      }
      guard type != "boolean", !text.hasPrefix("--") else { return nil }
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

    /// The property for the parameter `long`: the same name, or with `_` or camelCase for `-`.
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
