/// Why a tool call could not become an az command line; its description is the one line the
/// client reads in the error result.
public enum AzureToolCallError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No tool has this name.
  case unknownTool(String)
  /// A required argument was not given.
  case missingArgument(tool: String, property: String)
  /// An argument the tool does not take.
  case unknownArgument(tool: String, property: String)
  /// An argument of the wrong JSON type.
  case wrongType(tool: String, property: String, expected: String)
  /// A command line with a quote that is never closed, or a backslash at its end.
  case unsplittable(String)
  /// A pass-through command line with no words.
  case emptyCommand(tool: String)
  /// A tool that changes something, called on a read-only server.
  case readOnly(tool: String)

  public var description: String {
    switch self {
    case .unknownTool(let name):
      "Unknown tool '\(name)'."
    case .missingArgument(let tool, let property):
      "\(tool): missing required argument '\(property)'."
    case .unknownArgument(let tool, let property):
      "\(tool): unknown argument '\(property)'."
    case .wrongType(let tool, let property, let expected):
      "\(tool): argument '\(property)' must be \(expected == "integer" ? "an" : "a") \(expected)."
    case .unsplittable(let line):
      "Cannot split the command line (unclosed quote or trailing backslash): \(line)"
    case .emptyCommand(let tool):
      "\(tool): the command is empty."
    case .readOnly(let tool):
      "\(tool): not run: this server is read-only (azlin mcp-server --read-only, or [safety] read_only); only tools and commands that read run."
    }
  }
}
