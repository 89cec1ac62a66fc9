import MCP

/// One argument of an Azure tool: a property of the tool's input schema, and the az flag it
/// becomes on the command line.
///
/// The property is named as the flag without its leading dashes (`resource-group` for
/// `--resource-group`), except where az's flag is a short one (`details` for `-d`).
public struct AzureToolProperty: Equatable, Sendable {
  /// How a property is typed in the schema and written on the command line.
  public enum Kind: String, Equatable, Sendable {
    /// A JSON string, given to the flag as one argument: `--name sam`.
    case string
    /// A JSON integer, given to the flag in decimal: `--size-gb 64`.
    case integer
    /// A JSON boolean for a flag that takes no value: `true` writes the flag, `false` omits it.
    case boolean
    /// A JSON string of space-separated values (split with shell-like quoting), given to the
    /// flag as separate arguments, as az reads `--tags env=dev team=web`.
    case words
    /// A JSON string holding a whole az command line without the flag: split with shell-like
    /// quoting and written as it is.
    case commandLine

    /// The JSON Schema type of the property.
    public var schemaType: String {
      switch self {
      case .string, .words, .commandLine: "string"
      case .integer: "integer"
      case .boolean: "boolean"
      }
    }
  }

  /// The property's name in the input schema, such as `resource-group`.
  public var name: String
  /// What the property holds and how it is written.
  public var kind: Kind
  /// The az flag it becomes, such as `--resource-group` (unused for a command line).
  public var flag: String
  /// True when the tool cannot run without it.
  public var required: Bool
  /// What the property means, for the schema's `description`.
  public var description: String

  /// A property named `name`; its flag is `--name` unless `flag` is given.
  public init(
    _ name: String, _ kind: Kind = .string, flag: String? = nil, required: Bool = false,
    description: String
  ) {
    self.name = name
    self.kind = kind
    self.flag = flag ?? "--" + name
    self.required = required
    self.description = description
  }

  /// The property's JSON Schema: its type and description.
  public var schema: Value {
    .object(["type": .string(kind.schemaType), "description": .string(description)])
  }

  /// The az arguments `value` becomes: none for `false` or `null`, the flag alone for `true`,
  /// the flag and its value(s) otherwise.
  /// - Parameters:
  ///   - value: The argument the client sent.
  ///   - tool: The tool's name, for the error.
  /// - Throws: `AzureToolCallError` when the value has the wrong type, or a command line
  ///   cannot be split.
  public func arguments(for value: Value, tool: String) throws(AzureToolCallError) -> [String] {
    if value.isNull { return [] }
    let wrongType = AzureToolCallError.wrongType(
      tool: tool, property: name, expected: kind.schemaType)
    switch kind {
    case .string:
      guard let text = value.stringValue else { throw wrongType }
      return [flag, text]
    case .integer:
      if let number = value.intValue { return [flag, String(number)] }
      if let number = value.doubleValue, number.rounded() == number, abs(number) < 1e15 {
        return [flag, String(Int(number))]
      }
      throw wrongType
    case .boolean:
      guard let set = value.boolValue else { throw wrongType }
      return set ? [flag] : []
    case .words:
      guard let text = value.stringValue else { throw wrongType }
      let words = try CommandLineSplitter.split(text)
      return words.isEmpty ? [] : [flag] + words
    case .commandLine:
      guard let text = value.stringValue else { throw wrongType }
      return try CommandLineSplitter.split(text)
    }
  }
}
