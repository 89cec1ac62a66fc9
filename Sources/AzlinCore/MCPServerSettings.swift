/// One MCP server from `config.toml`: `[mcp] servers = [{name, command, args}]`.
public struct MCPServerSettings: Equatable, Sendable {
  /// The name azlin shows (`mcp:<name>`).
  public var name: String
  /// The program that serves MCP on its stdin and stdout, by name on `PATH` or by path.
  public var command: String
  /// Its arguments.
  public var args: [String]

  public init(name: String, command: String, args: [String] = []) {
    self.name = name
    self.command = command
    self.args = args
  }
}
