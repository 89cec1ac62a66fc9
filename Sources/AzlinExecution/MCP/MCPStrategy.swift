import AzlinAzure
import AzlinCore
import Foundation
import MCP

/// Carries out steps through an MCP server's tools: a matching specific tool first, the
/// server's az pass-through second.
///
/// Tool annotations feed approval: a tool that may destroy (`destructiveHint`, true by the
/// protocol's default unless the tool is read-only) makes its step ask, whatever the step is.
/// Results read as az's would: a tool error's text is parsed for Azure's error code.
public final class MCPStrategy: StepStrategy, @unchecked Sendable {
  public let name: String
  private let connection: MCPConnection
  private let clock: any Clock
  private let callTimeout: TimeInterval

  /// - Parameters:
  ///   - server: The server from `config.toml`.
  ///   - environment: The environment the server starts with.
  ///   - clock: Measures each call.
  ///   - callTimeout: How long one tool call may take, in seconds; the server's setting when nil.
  ///   - inProcess: Connects to a server in this process instead of starting its command
  ///     (the replay sandbox runs no programs).
  public init(
    server: MCPServerSettings, environment: [String: String], clock: any Clock,
    callTimeout: TimeInterval? = nil,
    inProcess: (@Sendable () async throws -> any Transport)? = nil
  ) {
    self.name = "mcp:\(server.name)"
    self.connection = MCPConnection(
      settings: server, environment: environment, inProcess: inProcess)
    self.clock = clock
    self.callTimeout = callTimeout ?? server.callTimeout
  }

  public func availability() -> StrategyAvailability {
    do {
      let tools = try connection.listTools()
      if !connection.isRunning { return .unavailable("the server is no longer running") }
      let passThrough = tools.contains(where: MCPToolMatcher.isPassThrough)
      return .available(
        "\(tools.count) tools" + (passThrough ? ", with an az pass-through" : ""))
    } catch {
      return .unavailable("\(error)")
    }
  }

  public func route(for step: ExecutableStep) -> StepRoute? {
    guard let tools = try? connection.listTools(), connection.isRunning else { return nil }
    if let tool = tools.first(where: {
      MCPToolMatcher.matches($0.name, words: step.operation.words)
        && MCPToolMatcher.arguments(for: step.operation, schema: $0.inputSchema) != nil
    }) {
      return StepRoute(strategy: name, detail: tool.name, destructive: Self.destructive(tool))
    }
    if let tool = tools.first(where: MCPToolMatcher.isPassThrough) {
      return StepRoute(strategy: name, detail: tool.name, destructive: Self.destructive(tool))
    }
    return nil
  }

  public func run(_ step: ExecutableStep, via route: StepRoute) -> AzResult {
    let started = clock.now
    func elapsed() -> Int { Int((clock.now.timeIntervalSince(started) * 1000).rounded()) }
    guard let toolName = route.detail,
      let tool = (try? connection.listTools())?.first(where: { $0.name == toolName })
    else {
      return Self.failure("MCPToolMissing", "MCP server \(name) has no tool \(route.detail ?? "")")
    }
    let arguments: [String: Value]
    if MCPToolMatcher.isPassThrough(tool) {
      // The pass-through runs az: the step in the Azure CLI's form.
      arguments = ["command": .string(MCPToolMatcher.commandLine(step.command.arguments))]
    } else if let mapped = MCPToolMatcher.arguments(for: step.operation, schema: tool.inputSchema) {
      arguments = mapped
    } else {
      return Self.failure("MCPToolMismatch", "\(tool.name) cannot take this step's arguments")
    }
    do {
      let reply = try connection.callTool(tool.name, arguments: arguments, timeout: callTimeout)
      guard reply.isError else {
        return AzResult(
          exitCode: 0, stdout: reply.text, stderr: "", durationMs: reply.durationMs ?? elapsed())
      }
      let text = reply.text.trimmingCharacters(in: .whitespacesAndNewlines)
      let stderr = text.contains("ERROR:") ? text : "ERROR: " + text
      return AzResult(
        exitCode: 1, stdout: "", stderr: stderr + "\n", durationMs: reply.durationMs ?? elapsed())
    } catch {
      return Self.failure("MCPServerUnavailable", "\(error)", durationMs: elapsed())
    }
  }

  /// Stops the server process.
  public func close() { connection.close() }

  /// True when the tool may destroy something, reading the protocol's defaults: not
  /// read-only, and not said to be non-destructive.
  static func destructive(_ tool: Tool) -> Bool {
    if tool.annotations.readOnlyHint == true { return false }
    return tool.annotations.destructiveHint ?? true
  }

  static func failure(_ code: String, _ message: String, durationMs: Int = 0) -> AzResult {
    AzResult(
      exitCode: 1, stdout: "", stderr: "ERROR: (\(code)) \(message)\n", durationMs: durationMs)
  }
}

/// Connects to an MCP server inside this process: the replay sandbox's `azlin mcp-server`.
public typealias MCPInProcessConnector = @Sendable () async throws -> any Transport
