import ArgumentParser
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
    let simulator = try SimulatorSetup.open(ProcessInfo.processInfo.environment)
    let result = simulator.run(arguments)
    if !result.stdout.isEmpty { FileHandle.standardOutput.write(Data(result.stdout.utf8)) }
    if !result.stderr.isEmpty { FileHandle.standardError.write(Data(result.stderr.utf8)) }
    if result.exitCode != 0 { throw ExitCode(result.exitCode) }
  }
}
