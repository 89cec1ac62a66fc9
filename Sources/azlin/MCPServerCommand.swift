import ArgumentParser
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

  func run() throws {
    let simulator = try SimulatorSetup.open(ProcessInfo.processInfo.environment)
    let server = SimulatorToolServer(simulator: simulator, version: AzlinCommand.version)
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
