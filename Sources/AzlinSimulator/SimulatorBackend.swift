import AzlinAzure
import AzlinCore
import Foundation

/// The embedded simulator as a backend: runs each az command line in-process.
///
/// It is always named `sim` on screen so nobody mistakes it for Azure.
public final class SimulatorBackend: AzureBackend {
  public let kind = BackendKind.sim
  public let displayName = "sim"
  let simulator: AzureSimulator

  /// Sends commands to `simulator`.
  public init(simulator: AzureSimulator) { self.simulator = simulator }

  /// Runs `command` against the simulator, as `az` would run it against Azure.
  public func run(_ command: AzCommand) -> AzResult { simulator.run(command.arguments) }
}

extension SimulatorBackend: LiveStateSource {
  /// What exists, read straight from the simulator's state.
  /// - Throws: `AzError` (the simulator's failure, as az would word it) when its state
  ///   cannot be read.
  public func liveState() throws -> LiveState {
    do {
      return try simulator.snapshot()
    } catch let failure as SimulatorFailure {
      throw AzError(code: failure.code ?? "SimulatorStateUnreadable", message: failure.message)
    }
  }
}
