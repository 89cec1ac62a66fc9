import Foundation

extension SystemProcessRunner {
  /// Runs a program that takes over the terminal (`ssh`): it inherits this process's standard
  /// input, output and error, and the call returns when it exits. Nothing is captured.
  /// - Parameters:
  ///   - command: The program and its arguments.
  ///   - path: Where the program was found.
  /// - Throws: `ProcessRunnerError.launchFailed` when it cannot be started.
  func runAttached(_ command: ExternalCommand, path: String) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = command.arguments
    var environment = ProcessInfo.processInfo.environment
    for (key, value) in command.environment { environment[key] = value }
    process.environment = environment
    process.standardInput = FileHandle.standardInput
    process.standardOutput = FileHandle.standardOutput
    process.standardError = FileHandle.standardError
    do {
      try process.run()
    } catch {
      throw ProcessRunnerError.launchFailed(command.executable, "\(error)")
    }
    process.waitUntilExit()
    return ProcessOutput(exitCode: process.terminationStatus, stdout: "", stderr: "")
  }
}
