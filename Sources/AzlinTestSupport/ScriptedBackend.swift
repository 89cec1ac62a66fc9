import AzlinAzure
import AzlinCore

/// A backend that answers only the commands it was given, and fails loudly on any other.
public final class ScriptedBackend: AzureBackend {
  public let kind = BackendKind.sim
  public let displayName = "scripted"
  private var answers: [[String]: [AzResult]]
  /// Every command run, in order.
  public private(set) var ran: [[String]] = []
  /// Commands that had no scripted answer.
  public private(set) var unexpected: [[String]] = []

  /// - Parameter answers: For each argv, the results to give in turn (the last one repeats).
  public init(_ answers: [[String]: [AzResult]] = [:]) { self.answers = answers }

  public func run(_ command: AzCommand) -> AzResult {
    ran.append(command.arguments)
    guard var queue = answers[command.arguments], let first = queue.first else {
      unexpected.append(command.arguments)
      return AzResult(
        exitCode: 2, stdout: "",
        stderr:
          "ERROR: (UnexpectedCommand) the test did not expect az \(command.arguments.joined(separator: " "))"
      )
    }
    if queue.count > 1 {
      queue.removeFirst()
      answers[command.arguments] = queue
    }
    return first
  }
}

/// A process runner that refuses every program and remembers what was asked: a test that
/// should start no program checks `attempts` is empty.
public final class UnexpectedProcessRunner: ProcessRunner, @unchecked Sendable {
  public private(set) var attempts: [ExternalCommand] = []
  public init() {}
  public func run(_ command: ExternalCommand) throws -> ProcessOutput {
    attempts.append(command)
    throw ProcessRunnerError.launchFailed(
      command.executable, "this test expected no external program")
  }
}
