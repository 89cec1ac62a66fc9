import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinMCPServer
import AzlinPlanning
import Foundation

/// A whole shell in a fresh deterministic sandbox: a temporary `$AZLIN_HOME`, the simulator,
/// a fixed clock, sequential IDs and no colour.
///
/// Transcript replay and the held-out dialogue scorer both run turns through one; the folder
/// is removed when the sandbox is closed.
public final class ShellSandbox {
  /// The sandbox's state folder.
  public let home: AzlinHome
  /// The simulated Azure the session works on.
  public let simulator: AzureSimulator
  /// The session; lines go in through `session.handle(_:)`.
  public let session: Session
  /// What the session said since the last `take()`.
  public let output = BufferOutput()

  /// Makes the sandbox and starts its session.
  /// - Parameters:
  ///   - files: Files written into `$AZLIN_HOME` before the session starts (`config.toml`, …).
  ///   - environment: The environment the session sees (`AZLIN_SIM_FAULTS`, …).
  ///   - options: --yes, --dry-run, --verbose.
  ///   - version: The version named in the audit log.
  ///   - llm: An LLM intent parser the session asks first (tests pass one with a stand-in client).
  ///   - ids: The session's identifiers (sequential when nil; a saved session's seed otherwise).
  ///   - start: The moment the fixed clock starts at (a saved session's start when given).
  ///   - setup: az commands (without "az") run on the simulator before the session starts: the
  ///     starting state of a saved session.
  ///   - parent: The folder the sandbox is made in (the system's temporary folder when nil).
  /// - Throws: `FileError` when the folder cannot be made, or the simulator's state cannot be read;
  ///   `SandboxSetupError` when a set-up command fails.
  public init(
    files: [(name: String, content: String)] = [], environment: [String: String] = [:],
    options: Session.Options = Session.Options(), version: String, llm: LLMIntentParser? = nil,
    ids: (any IDGenerator)? = nil, start: Date? = nil, setup: [String] = [],
    parent: String? = nil
  ) throws {
    let folder = parent.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? NSTemporaryDirectory()
    let root = folder + "azlin-sandbox-\(getpid())-\(UUID().uuidString.prefix(8))"
    home = AzlinHome(root: root)
    try home.prepare()
    for file in files {
      try AtomicFile.write(file.content, to: root + "/" + file.name, mode: 0o600)
    }
    let clock = start.map { ManualClock(start: $0) } ?? ManualClock()
    var context = AzlinContext.deterministic(
      home: home, clock: clock, runner: RefusingProcessRunner(), environment: environment)
    if let ids { context.ids = ids }
    // The starting state is made without the session's faults: they belong to its turns.
    if !setup.isEmpty {
      let builder = try AzureSimulator(
        folder: home.simulatorFolder, clock: clock, sleeper: context.sleeper,
        ids: SequentialIDGenerator(), faults: nil,
        vCPUQuota: environment["AZLIN_SIM_VCPU_QUOTA"].flatMap { Int($0) })
      for (index, line) in setup.enumerated() {
        let result = builder.run(Self.words(line))
        if result.exitCode != 0 {
          try? FileManager.default.removeItem(atPath: root)
          throw SandboxSetupError(
            line: index + 1, command: line,
            message: (result.stderr + result.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
          )
        }
      }
    }
    simulator = try AzureSimulator(
      folder: home.simulatorFolder, clock: clock, sleeper: context.sleeper,
      ids: SequentialIDGenerator(), faults: environment["AZLIN_SIM_FAULTS"],
      vCPUQuota: environment["AZLIN_SIM_VCPU_QUOTA"].flatMap { Int($0) })
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
    session = Session(
      context: context, backend: SimulatorBackend(simulator: simulator), config: config,
      output: output, options: options, version: version, llm: llm, mcpConnector: connector)
    session.start()
    _ = output.take()
  }

  /// Types `line` into the session and returns what the shell said, as one text.
  public func reply(to line: String) -> String {
    session.handle(line)
    return output.take().joined(separator: "\n")
  }

  /// Runs one az command on the simulator, as a person would by hand, and returns what az printed.
  public func az(_ line: String) -> [String] {
    let result = simulator.run(Self.words(line))
    let printed = (result.stdout + result.stderr).split(
      separator: "\n", omittingEmptySubsequences: false)
    return printed.last == "" ? printed.dropLast().map(String.init) : printed.map(String.init)
  }

  /// The words of an az line: split at spaces.
  static func words(_ line: String) -> [String] {
    line.split(separator: " ").map(String.init)
  }

  /// Ends the session and removes the folder.
  public func close() {
    session.end()
    try? FileManager.default.removeItem(atPath: home.root)
  }
}
