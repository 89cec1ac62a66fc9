import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation

/// Answers `az` with a simulator, as the real az would answer; any other program is refused.
final class AzRunner: ProcessRunner, @unchecked Sendable {
  let simulator: AzureSimulator
  init(_ simulator: AzureSimulator) { self.simulator = simulator }

  func run(_ command: ExternalCommand) throws -> ProcessOutput {
    guard (command.executable as NSString).lastPathComponent == "az" else {
      throw ProcessRunnerError.notFound(command.executable)
    }
    let result = simulator.run(command.arguments)
    return ProcessOutput(exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr)
  }
}
