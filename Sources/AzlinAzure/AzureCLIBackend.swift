import AzlinCore
import Foundation

/// Runs the real `az` as a subprocess, with argv arrays and a timeout.
public final class AzureCLIBackend: AzureBackend, Sendable {
  public let kind = BackendKind.az
  public let displayName: String
  private let runner: any ProcessRunner
  private let clock: any Clock
  private let timeout: TimeInterval

  /// - Parameters:
  ///   - runner: Runs `az`.
  ///   - clock: Measures each command's duration.
  ///   - subscriptionName: What the prompt shows.
  ///   - timeout: Seconds a command may run before it is terminated.
  public init(
    runner: any ProcessRunner, clock: any Clock, subscriptionName: String,
    timeout: TimeInterval = 600
  ) {
    self.runner = runner
    self.clock = clock
    self.displayName = subscriptionName
    self.timeout = timeout
  }

  /// The subscription `az account show` reports, or why az cannot be used.
  public static func probe(runner: any ProcessRunner) -> Result<String, AzError> {
    let command = ExternalCommand(
      executable: "az", arguments: ["account", "show", "--output", "json", "--only-show-errors"],
      timeout: 30)
    let output: ProcessOutput
    do {
      output = try runner.run(command)
    } catch {
      return .failure(
        AzError(code: "AzNotInstalled", message: "az is not installed or not on PATH"))
    }
    guard output.exitCode == 0 else {
      return .failure(AzError.parse(stderr: output.stderr, exitCode: output.exitCode))
    }
    let name = (try? JSONValue.parse(output.stdout))?["name"]?.stringValue ?? "azure"
    return .success(name)
  }

  public func run(_ command: AzCommand) -> AzResult {
    var arguments = command.arguments
    if !arguments.contains("--output") && !arguments.contains("-o") {
      arguments += ["--output", "json"]
    }
    if !arguments.contains("--only-show-errors") { arguments.append("--only-show-errors") }
    let start = clock.now
    let external = ExternalCommand(executable: "az", arguments: arguments, timeout: timeout)
    do {
      let output = try runner.run(external)
      let ms = Int((clock.now.timeIntervalSince(start) * 1000).rounded())
      if output.timedOut {
        return AzResult(
          exitCode: 124, stdout: output.stdout,
          stderr:
            "ERROR: (Timeout) az did not finish within \(String(format: "%g", timeout)) seconds and was stopped.",
          durationMs: ms)
      }
      return AzResult(
        exitCode: output.exitCode, stdout: output.stdout, stderr: output.stderr, durationMs: ms)
    } catch {
      return AzResult(exitCode: 127, stdout: "", stderr: "ERROR: (AzNotInstalled) \(error)")
    }
  }
}
