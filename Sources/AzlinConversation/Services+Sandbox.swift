import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinMCPServer
import AzlinPlanning
import AzlinSimulator
import Foundation

extension Services {
  /// The services of a sandboxed shell in `home` (already prepared): `clock` for time,
  /// sequential IDs (or `ids`), a fixed random source, a process runner that refuses to
  /// start anything, the embedded simulator, and `azlin mcp-server` served in-process on
  /// that simulator and clock.
  /// - Parameters:
  ///   - home: The sandbox's state folder, with its `config.toml` (if any) already written.
  ///   - clock: The sandbox's clock; the simulator and the session share it.
  ///   - environment: The environment the session sees (`AZLIN_SIM_FAULTS`, …).
  ///   - ids: The session's identifiers (sequential when nil).
  ///   - setup: az commands (without "az") run on the simulator before the session starts,
  ///     without the session's faults.
  ///   - version: The version the in-process MCP server reports.
  ///   - llm: An LLM intent parser the session asks first.
  /// - Returns: The services, and the simulator behind their backend.
  /// - Throws: `FileError` when the simulator's state cannot be read; `SandboxSetupError`
  ///   when a set-up command fails.
  public static func sandbox(
    home: AzlinHome, clock: ManualClock, environment: [String: String] = [:],
    ids: (any IDGenerator)? = nil, setup: [String] = [], version: String,
    llm: LLMIntentParser? = nil
  ) throws -> (services: Services, simulator: AzureSimulator) {
    var context = AzlinContext.deterministic(
      home: home, clock: clock, runner: RefusingProcessRunner(), environment: environment)
    if let ids { context.ids = ids }
    let quota = environment["AZLIN_SIM_VCPU_QUOTA"].flatMap { Int($0) }
    // The starting state is made without the session's faults: they belong to its turns.
    if !setup.isEmpty {
      let builder = try AzureSimulator(
        folder: home.simulatorFolder, clock: clock, sleeper: context.sleeper,
        ids: SequentialIDGenerator(), faults: nil, vCPUQuota: quota)
      for (index, line) in setup.enumerated() {
        let result = builder.run(ShellSandbox.words(line))
        if result.exitCode != 0 {
          throw SandboxSetupError(
            line: index + 1, command: line,
            message: (result.stderr + result.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
          )
        }
      }
    }
    let simulator = try AzureSimulator(
      folder: home.simulatorFolder, clock: clock, sleeper: context.sleeper,
      ids: SequentialIDGenerator(), faults: environment["AZLIN_SIM_FAULTS"], vCPUQuota: quota)
    var (config, _) = AzlinConfig.load(path: home.configFile)
    // A sandbox is in UTC unless its config says otherwise: replays read alike on any machine.
    if config.defaults.timeZone == nil { config.defaults.timeZone = "UTC" }
    // MCP servers: `azlin mcp-server` is served in-process on the sandbox's simulator and
    // clock; the sandbox starts no other program.
    let tools = SimulatorToolServer(simulator: simulator, version: version)
    let connector: (MCPServerSettings) -> MCPInProcessConnector? = { server in
      if server.command == "azlin" && server.args.first == "mcp-server" {
        return tools.inProcessConnector()
      }
      return { throw SandboxRefusal(program: server.command) }
    }
    let services = Services(
      context: context, backend: SimulatorBackend(simulator: simulator), config: config,
      simulator: simulator, llm: llm, mcpConnector: connector)
    return (services, simulator)
  }
}
