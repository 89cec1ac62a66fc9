import AzlinAzure
import AzlinSimulator
import Foundation
import MCP

/// An MCP server whose tools change the embedded Azure simulator, the same simulated Azure
/// that `azlin sim` shows.
///
/// Each call becomes an az command line through the catalogue and runs in-process against
/// the simulator. Success gives one text content with az's stdout; failure gives
/// `isError: true` and one text content that is exactly az's stderr
/// (`ERROR: (Code) Message`), so the client reads Azure's error code as az would print it.
public final class SimulatorToolServer: Sendable {
  /// The `_meta` key of a result's text: how long the operation took on the simulator's
  /// modelled clock, in milliseconds, so a client can show Azure-like durations.
  public static let durationKey = "azlin/durationMs"

  /// The name the server gives in its `initialize` answer.
  public static let serverName = "azlin-azure-simulator"

  let simulator: AzureSimulator
  let catalog: AzureToolCatalog
  let version: String
  /// True when only tools and pass-through commands that read may run.
  public let readOnly: Bool

  /// A server of `catalog`'s tools that runs them on `simulator`.
  /// - Parameter readOnly: Offer and run only what reads: the tools marked read-only, and the
  ///   az pass-through for commands that only read (`show`, `list`, …); any other call is an
  ///   error result of one line.
  public init(
    simulator: AzureSimulator, catalog: AzureToolCatalog = .azure, version: String,
    readOnly: Bool = false
  ) {
    self.simulator = simulator
    self.catalog = catalog
    self.version = version
    self.readOnly = readOnly
  }

  /// The tools `tools/list` gives: all of them, or on a read-only server those that read and
  /// the pass-through, described as limited to reading.
  public var listedTools: [Tool] {
    guard readOnly else { return catalog.tools.map(\.definition) }
    return catalog.tools.compactMap { tool in
      if tool.readOnly { return tool.definition }
      guard tool.words.isEmpty else { return nil }
      var reading = tool
      reading.readOnly = true
      reading.destructive = false
      reading.description +=
        " This server is read-only: only commands that read (show, list, …) run."
      return reading.definition
    }
  }

  /// Runs one tool call and answers it. Blocks while the simulator works.
  /// - Parameters:
  ///   - name: The tool's name.
  ///   - arguments: The call's arguments.
  public func call(_ name: String, arguments: [String: Value]?) -> CallTool.Result {
    let argv: [String]
    do throws(AzureToolCallError) {
      argv = try catalog.argv(tool: name, arguments: arguments)
      if readOnly, catalog.tool(named: name)?.readOnly != true, !AzCommand(argv).onlyReads {
        throw AzureToolCallError.readOnly(tool: name)
      }
    } catch {
      return CallTool.Result(
        content: [.text(text: error.description, annotations: nil, _meta: nil)], isError: true)
    }
    let result = simulator.run(argv)
    let text = result.succeeded ? result.stdout : result.stderr
    return CallTool.Result(
      content: [
        .text(
          text: text, annotations: nil,
          _meta: Metadata(additionalFields: [Self.durationKey: .int(result.durationMs)]))
      ], isError: !result.succeeded)
  }

  /// An MCP server with `tools/list` and `tools/call` answered from this server's catalogue;
  /// start it on a transport.
  public func makeServer() async -> Server {
    let server = Server(
      name: Self.serverName, version: version,
      capabilities: Server.Capabilities(tools: .init(listChanged: false)))
    let tools = listedTools
    await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: tools) }
    await server.withMethodHandler(CallTool.self) { [self] parameters in
      await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
          continuation.resume(
            returning: self.call(parameters.name, arguments: parameters.arguments))
        }
      }
    }
    return server
  }

  /// Serves the tools over stdin and stdout until the client closes stdin.
  /// - Throws: The transport's error when stdin or stdout cannot be used.
  public func serve() async throws {
    let server = await makeServer()
    try await server.start(transport: StdioTransport())
    await server.waitUntilCompleted()
    await server.stop()
  }
}
