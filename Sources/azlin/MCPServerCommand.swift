import ArgumentParser
import AzlinCore
import AzlinMCPServer
import Foundation

/// `azlin mcp-server`: the embedded simulator's Azure tools, served to an MCP client over
/// stdin and stdout, on the simulator of `$AZLIN_HOME` (with `AZLIN_SIM_FAULTS`).
///
/// Only MCP messages go to stdout; problems go to stderr.
struct MCPServerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mcp-server",
    abstract: "Serve the embedded Azure simulator to MCP clients over stdio.",
    discussion: """
      Offers Azure tools named as Azure's MCP server names them (azmcp_group_create, \
      azmcp_compute_vm_create, azmcp_extension_az…); each call runs in the simulator of \
      $AZLIN_HOME, the one `azlin sim` shows. Stops when the client closes stdin.
      """
  )

  @Flag(
    help:
      "Offer and run only tools and commands that read (also [safety] read_only = true in config.toml)."
  )
  var readOnly = false

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let simulator = try SimulatorSetup.open(environment)
    let (config, _) = AzlinConfig.load(path: AzlinHome.fromEnvironment(environment).configFile)
    let server = SimulatorToolServer(
      simulator: simulator, version: AzlinCommand.version,
      readOnly: readOnly || config.safety.readOnly)
    let finished = DispatchSemaphore(value: 0)
    Task {
      do {
        try await server.serve()
      } catch {
        FileHandle.standardError.write(Data("ERROR: the MCP server stopped: \(error)\n".utf8))
        Foundation.exit(1)
      }
      finished.signal()
    }
    finished.wait()
  }
}
