import ArgumentParser
import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation

/// The simulator of `$AZLIN_HOME`, as `azlin sim` and `azlin mcp-server` open it.
enum SimulatorSetup {
  /// Prepares the state folder and opens its simulator on the folder's modelled time (no real
  /// waits), with the failures `AZLIN_SIM_FAULTS` asks for.
  /// - Parameter environment: Where `AZLIN_HOME` and `AZLIN_SIM_FAULTS` are read.
  /// - Returns: The simulator.
  /// - Throws: `ExitCode(1)`, after one `ERROR:` line on stderr, when the state folder cannot
  ///   be used or the simulator cannot be opened.
  static func open(_ environment: [String: String]) throws -> AzureSimulator {
    let home = AzlinHome.fromEnvironment(environment)
    do {
      try home.prepare()
    } catch {
      FileHandle.standardError.write(Data("ERROR: cannot use the state folder: \(error)\n".utf8))
      throw ExitCode(1)
    }
    let time = ModelledTime(offsetFile: home.simulatorClockOffset, realFactor: 0)
    do {
      return try AzureSimulator(
        folder: home.simulatorFolder, clock: time, sleeper: time, ids: RandomIDGenerator(),
        faults: environment["AZLIN_SIM_FAULTS"],
        vCPUQuota: environment["AZLIN_SIM_VCPU_QUOTA"].flatMap { Int($0) })
    } catch {
      FileHandle.standardError.write(Data("ERROR: \(error)\n".utf8))
      throw ExitCode(1)
    }
  }
}
