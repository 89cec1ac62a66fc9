import AzlinAzure
import AzlinCore
import AzlinPlanning
import AzlinSimulator
import Foundation

extension Services {
  /// The services of `azlin shell` and `azlin doit` on this machine: `$AZLIN_HOME` prepared,
  /// the system's clock and IDs from a fresh seed, the backend chosen (`choice`, else
  /// `AZLIN_BACKEND`, else the real az when it is signed in, else the simulator on modelled
  /// time), and `config.toml` read once for both the settings and `[llm]`.
  /// - Parameters:
  ///   - choice: `--backend`, when given.
  ///   - environment: The process environment.
  ///   - interactive: True on a terminal (the simulator's modelled minutes then pass in moments).
  /// - Returns: The services, the warnings to show (one line each), and the LLM settings in use.
  /// - Throws: `Services.StartError` when the state folder or the backend cannot be used.
  public static func live(
    choice: Services.BackendChoice?, environment: [String: String], interactive: Bool
  ) throws -> (services: Services, warnings: [String], llm: LLMSettings?) {
    let home = AzlinHome.fromEnvironment(environment)
    do {
      try home.prepare()
    } catch {
      throw Services.StartError(
        description:
          "azlin: cannot use the state folder: \(error). Set AZLIN_HOME to a writable folder.")
    }
    var context = AzlinContext.live(home: home, environment: environment)
    let (backend, simulator) = try makeBackend(
      choice: try resolve(choice, environment: environment), context: &context,
      interactive: interactive)
    let (config, document, warnings) = AzlinConfig.read(path: home.configFile)
    let (settings, llmWarnings) = LLMSettings.load(
      document: document, environment: environment, path: home.configFile)
    let llm = settings.map { LLMIntentParser(settings: $0, sleeper: SystemSleeper()) }
    let services = Services(
      context: context, backend: backend, config: config, simulator: simulator, llm: llm)
    return (services, (warnings + llmWarnings).map { "azlin: " + $0 }, settings)
  }

  /// `choice`, else `AZLIN_BACKEND`, else `auto`.
  private static func resolve(
    _ choice: Services.BackendChoice?, environment: [String: String]
  ) throws -> Services.BackendChoice {
    if let choice { return choice }
    guard let text = environment["AZLIN_BACKEND"], !text.isEmpty else { return .auto }
    guard let value = Services.BackendChoice(rawValue: text.lowercased()) else {
      throw Services.StartError(
        description: "azlin: AZLIN_BACKEND=\(text) is not one of auto, az, sim.")
    }
    return value
  }

  /// The backend; for the simulator, the context's sleeper becomes its modelled time, so
  /// retry waits pass as simulated operations do.
  private static func makeBackend(
    choice: Services.BackendChoice, context: inout AzlinContext, interactive: Bool
  ) throws -> (any AzureBackend, AzureSimulator?) {
    let environment = context.environment
    if choice != .sim {
      let hasAz = SystemProcessRunner.locate("az", path: environment["PATH"]) != nil
      if hasAz {
        switch AzureCLIBackend.probe(runner: context.runner) {
        case .success(let subscription):
          return (
            AzureCLIBackend(
              runner: context.runner, clock: context.clock, subscriptionName: subscription), nil
          )
        case .failure(let error):
          if choice == .az {
            throw Services.StartError(
              description:
                "azlin: az cannot be used: \(error.message) Run 'az login', or use --backend sim.")
          }
        }
      } else if choice == .az {
        throw Services.StartError(
          description:
            "azlin: az is not installed or not on PATH. Install the Azure CLI, or use --backend sim."
        )
      }
    }
    // The simulator draws its own IDs: the session's sequence stays the one its seed gives,
    // as in replay. The simulator's modelled minutes pass in moments on a terminal, and not at all on a pipe.
    // AZLIN_SIM_PACE sets real seconds per modelled second on a pipe too (crash tests need time to pass).
    let pace = environment["AZLIN_SIM_PACE"].flatMap(Double.init).map { min(max($0, 0), 1) }
    let time = ModelledTime(
      offsetFile: context.home.simulatorClockOffset, realFactor: pace ?? (interactive ? 0.01 : 0))
    do {
      let simulator = try AzureSimulator(
        folder: context.home.simulatorFolder, clock: time, sleeper: time, ids: RandomIDGenerator(),
        faults: environment["AZLIN_SIM_FAULTS"],
        vCPUQuota: environment["AZLIN_SIM_VCPU_QUOTA"].flatMap { Int($0) })
      context.sleeper = time
      return (SimulatorBackend(simulator: simulator), simulator)
    } catch {
      throw Services.StartError(description: "azlin: the simulator cannot start: \(error)")
    }
  }
}
