import ArgumentParser
import AzlinAzure
import AzlinCore
import Foundation

/// `azlin sim <az arguments…>`: one az command against the simulator of `$AZLIN_HOME`.
struct SimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sim",
    abstract: "Run one az command against the embedded simulator and print what az would print."
  )

  @Argument(parsing: .captureForPassthrough, help: "The az arguments, e.g. vm list -d.")
  var arguments: [String] = []

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let home = AzlinHome.fromEnvironment(environment)
    do {
      try home.prepare()
    } catch {
      FileHandle.standardError.write(Data("ERROR: cannot use the state folder: \(error)\n".utf8))
      throw ExitCode(1)
    }
    let simulator: AzureSimulator
    let time = ModelledTime(offsetFile: home.simulatorClockOffset, realFactor: 0)
    do {
      simulator = try AzureSimulator(
        folder: home.simulatorFolder, clock: time, sleeper: time, ids: RandomIDGenerator(),
        faults: environment["AZLIN_SIM_FAULTS"])
    } catch {
      FileHandle.standardError.write(Data("ERROR: \(error)\n".utf8))
      throw ExitCode(1)
    }
    let result = simulator.run(arguments)
    if !result.stdout.isEmpty { FileHandle.standardOutput.write(Data(result.stdout.utf8)) }
    if !result.stderr.isEmpty { FileHandle.standardError.write(Data(result.stderr.utf8)) }
    if result.exitCode != 0 { throw ExitCode(result.exitCode) }
  }
}
