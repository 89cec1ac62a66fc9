import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning
import AzlinSimulator

/// Everything one shell run works with, assembled in one place: the composition root.
///
/// A `TurnEngine` takes one and builds nothing of its own. Two factories make them: `live`
/// (`azlin shell` and `azlin doit`: the system's clock, the real az or the simulator on
/// modelled time, `config.toml` read once) and `sandbox` (transcript replay, `azlin-bench`,
/// the held-out scorer and unit tests, through `ShellSandbox`: a temporary state folder, the
/// embedded simulator, a `ManualClock`, sequential IDs, no external program).
public struct Services {
  /// Which backend to use: `auto` takes az when it is installed and logged in, else the simulator.
  public enum BackendChoice: String, CaseIterable, Sendable {
    case auto, az, sim
  }

  /// Why a session could not start: one line for the user.
  public struct StartError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Clock, IDs, random source, sleeper, process runner, state folder and environment.
  public let context: AzlinContext
  /// Where commands land.
  public let backend: any AzureBackend
  /// `config.toml`'s settings, as read at the start.
  public let config: AzlinConfig
  /// The simulator behind `backend`, when it is one.
  public let simulator: AzureSimulator?
  /// This run's session ID: the first ID the context draws.
  public let sessionID: String
  /// The audit trail, writing as `sessionID`.
  public let audit: AuditLog
  /// Objectives (`objectives/<id>.json`).
  public let store: ObjectiveStore
  /// The spend ledger (`ledger.jsonl`) and its budget lock.
  public let ledger: SpendLedger
  /// The execution strategies `config.toml` asks for, in their order.
  public let strategies: StrategySelector
  /// The offline intent parser.
  public let parser: LocalIntentParser
  /// The LLM intent parser, when one is configured.
  public let llm: LLMIntentParser?

  /// Assembles the services of one run from its parts.
  /// - Parameters:
  ///   - context: Clock, IDs, sleeper, runner and the state folder; its ID generator gives
  ///     the session ID first.
  ///   - backend: Where commands land.
  ///   - config: `config.toml`'s settings.
  ///   - simulator: The simulator behind `backend`, when it is one.
  ///   - llm: The LLM intent parser, when one is configured.
  ///   - mcpConnector: Connects an MCP server in this process instead of starting it (replay).
  public init(
    context: AzlinContext, backend: any AzureBackend, config: AzlinConfig,
    simulator: AzureSimulator? = nil, llm: LLMIntentParser? = nil,
    mcpConnector: ((MCPServerSettings) -> MCPInProcessConnector?)? = nil
  ) {
    self.context = context
    self.backend = backend
    self.config = config
    self.simulator = simulator
    self.llm = llm
    sessionID = context.ids.next()
    audit = AuditLog(path: context.home.auditLog, session: sessionID, clock: context.clock)
    store = ObjectiveStore(folder: context.home.objectivesFolder)
    ledger = SpendLedger(path: context.home.spendLedger)
    parser = LocalIntentParser(defaultGroup: config.defaults.resourceGroup)
    strategies = Self.makeStrategies(
      context: context, backend: backend, config: config, connector: mcpConnector)
  }

  /// The strategies `config.toml` asks for: every MCP server in `[mcp] servers`, the Azure CLI
  /// on the backend, Terraform when the backend is the real az, and the preference in
  /// `[execution] strategy`.
  static func makeStrategies(
    context: AzlinContext, backend: any AzureBackend, config: AzlinConfig,
    connector: ((MCPServerSettings) -> MCPInProcessConnector?)?
  ) -> StrategySelector {
    var environment = context.environment
    environment["AZLIN_HOME"] = context.home.root
    let mcp = config.mcpServers.map { server in
      MCPStrategy(
        server: server, environment: environment, clock: context.clock,
        inProcess: connector?(server))
    }
    return StrategySelector(
      azureCLI: AzureCLIStrategy(backend: backend), mcp: mcp,
      terraform: backend.kind == .az
        ? TerraformStrategy(context: context, minimumSteps: config.execution.terraformMinSteps)
        : UnusablePlanStrategy(
          name: "terraform",
          reason:
            "the backend is the simulator, and Terraform's azurerm provider reaches real Azure only"
        ),
      preference: StrategySelector.Preference(rawValue: config.execution.strategy) ?? .auto)
  }
}
