/// One MCP server from `config.toml`: `[mcp] servers = [{name, command, args}]`.
public struct MCPServerSettings: Equatable, Sendable {
  /// The name azlin shows (`mcp:<name>`).
  public var name: String
  /// The program that serves MCP on its stdin and stdout, by name on `PATH` or by path.
  public var command: String
  /// Its arguments.
  public var args: [String]
  /// Seconds it may take to start and answer `initialize` and `tools/list`.
  public var startTimeout: Double
  /// Seconds one tool call may take (a VM create takes minutes in Azure).
  public var callTimeout: Double

  public init(
    name: String, command: String, args: [String] = [], startTimeout: Double = 15,
    callTimeout: Double = 900
  ) {
    self.name = name
    self.command = command
    self.args = args
    self.startTimeout = startTimeout
    self.callTimeout = callTimeout
  }
}
