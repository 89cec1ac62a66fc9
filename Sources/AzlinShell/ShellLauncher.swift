import AzlinAzure
import AzlinConversation
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Starts sessions for `azlin shell` and `azlin doit` on `Services.live` (state folder, backend,
/// config read once), and runs the loop.
public struct ShellLauncher {
  /// Which backend to use.
  public typealias BackendChoice = Services.BackendChoice

  /// Why a session could not start: one line for the user.
  public typealias StartError = Services.StartError

  public let version: String
  public let environment: [String: String]

  public init(version: String, environment: [String: String] = ProcessInfo.processInfo.environment)
  {
    self.version = version
    self.environment = environment
  }

  /// Builds a session on the live system (`Services.live`), showing the config's warnings.
  /// - Throws: `StartError` when the state folder or the backend cannot be used.
  public func makeSession(
    choice: BackendChoice?, options: TurnEngine.Options, output: any OutputSink
  )
    throws -> Session
  {
    let (services, warnings, llm) = try Services.live(
      choice: choice, environment: environment, interactive: output.isInteractive)
    for w in warnings { output.error(w) }
    if let s = llm, output.isInteractive {
      output.line(Messages.llmInUse(provider: s.provider.rawValue, model: s.model))
    }
    return Session(
      engine: TurnEngine(services: services, output: output, options: options, version: version))
  }

  /// Runs the read-eval-print loop until /quit or end of input.
  /// - Returns: The exit status: 0.
  public func runLoop(_ session: Session, interactive: Bool) -> Int32 {
    session.run(
      interactive: interactive,
      welcome: Messages.welcome(
        version: version, backend: session.engine.backend, readOnly: session.engine.readOnly))
  }
}

extension ShellLauncher {
  /// Runs one request; answers to its questions are read from standard input.
  /// - Returns: true when the request failed, was refused, or was left unanswered.
  public func runOneShot(_ session: Session, request: String) -> Bool {
    session.runOneShot(request: request)
  }
}
