import MCP

/// One tool of the catalogue: an MCP tool that runs one az command.
///
/// A call runs `az <words> <flag> <value> …`, the properties in the order the tool lists them;
/// the pass-through tool has no words and one command-line property instead.
public struct AzureTool: Equatable, Sendable {
  /// The tool's name, in the style of Azure's MCP server: `azmcp_compute_vm_create`.
  public var name: String
  /// What the tool does, for the client's model.
  public var description: String
  /// The az command words, such as `["vm", "create"]`.
  public var words: [String]
  /// The tool's arguments, in the order they are written on the command line.
  public var properties: [AzureToolProperty]
  /// True when the tool only reads.
  public var readOnly: Bool
  /// True when the tool may destroy something.
  public var destructive: Bool

  public init(
    _ name: String, _ description: String, words: [String], properties: [AzureToolProperty],
    readOnly: Bool = false, destructive: Bool = false
  ) {
    self.name = name
    self.description = description
    self.words = words
    self.properties = properties
    self.readOnly = readOnly
    self.destructive = destructive
  }

  /// The input schema: an object with one property per argument, the required ones listed,
  /// and no others allowed.
  public var inputSchema: Value {
    var properties: [String: Value] = [:]
    for property in self.properties { properties[property.name] = property.schema }
    return .object([
      "type": "object",
      "properties": .object(properties),
      "required": .array(self.properties.filter(\.required).map { .string($0.name) }),
      "additionalProperties": false,
    ])
  }

  /// The tool as MCP lists it, with both `readOnlyHint` and `destructiveHint` set.
  public var definition: Tool {
    Tool(
      name: name, description: description, inputSchema: inputSchema,
      annotations: Tool.Annotations(readOnlyHint: readOnly, destructiveHint: destructive))
  }

  /// The az arguments (without the leading `az`) a call with `arguments` runs.
  /// - Throws: `AzureToolCallError` for an unknown or missing argument, a wrong type, or a
  ///   command line that cannot be split or is empty.
  public func argv(for arguments: [String: Value]) throws(AzureToolCallError) -> [String] {
    let known = Set(properties.map(\.name))
    if let unknown = arguments.keys.sorted().first(where: { !known.contains($0) }) {
      throw .unknownArgument(tool: name, property: unknown)
    }
    var argv = words
    for property in properties {
      let value = arguments[property.name] ?? .null
      if property.required && value.isNull {
        throw .missingArgument(tool: name, property: property.name)
      }
      argv += try property.arguments(for: value, tool: name)
    }
    if argv.first == "az" && words.isEmpty { argv.removeFirst() }
    guard !argv.isEmpty else { throw .emptyCommand(tool: name) }
    return argv
  }
}
