import AzlinAzure
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
  public enum BackendChoice: String, CaseIterable, Sendable {
    case auto, az, sim
  }

  /// Why a session could not start: one line for the user.
  public struct StartError: Error, CustomStringConvertible {
    public var description: String
  }

  public let version: String
  public let environment: [String: String]

  public init(version: String, environment: [String: String] = ProcessInfo.processInfo.environment)
  {
    self.version = version
    self.environment = environment
  }

  /// Builds a session on the live system (`Services.live`), showing the config's warnings.
  /// - Throws: `StartError` when the state folder or the backend cannot be used.
  public func makeSession(choice: BackendChoice?, options: Session.Options, output: any OutputSink)
    throws -> Session
  {
    let (services, warnings, llm) = try Services.live(
      choice: choice, environment: environment, interactive: output.isInteractive)
    for w in warnings { output.error(w) }
    if let s = llm, output.isInteractive {
      output.line(Messages.llmInUse(provider: s.provider.rawValue, model: s.model))
    }
    return Session(services: services, output: output, options: options, version: version)
  }

  /// Runs the read-eval-print loop until /quit or end of input.
  /// - Returns: The exit status: 0.
  public func runLoop(_ session: Session, interactive: Bool) -> Int32 {
    let reader = makeLineReader(historyPath: interactive ? session.context.home.shellHistory : nil)
    reader.completer = { [unowned session] in session.completions(for: $0) }
    if interactive {
      print(
        Messages.welcome(
          version: version, backend: session.backend, readOnly: session.readOnly))
    }
    session.start()
    loop: while !session.wantsToQuit {
      switch reader.readLine(prompt: session.prompt) {
      case .line(let line):
        session.handle(line)
        // Answers to questions ("y", a VM's name) are not worth recalling: not history.
        if interactive, !session.lastLineWasAnswer,
          !line.trimmingCharacters(in: .whitespaces).isEmpty
        {
          reader.addHistory(Session.clean(line).line)
        }
      case .interrupted:
        session.cancelQuestion()
        continue
      case .endOfFile:
        session.leaveAtQuestion()
        break loop
      }
    }
    reader.saveHistory()
    session.end()
    return 0
  }
}

extension ShellLauncher {
  /// Runs one request; answers to its questions are read from standard input.
  /// - Returns: true when the request failed, was refused, or was left unanswered.
  public func runOneShot(_ session: Session, request: String) -> Bool {
    session.start()
    defer { session.end() }
    session.handle(request)
    var failed = session.lastTurnFailed
    if session.isWaitingForAnswer {
      let reader = makeLineReader(historyPath: nil)
      while session.isWaitingForAnswer {
        switch reader.readLine(prompt: "> ") {
        case .line(let line):
          session.handle(line)
          failed = failed || session.lastTurnFailed
        case .interrupted:
          session.cancelQuestion()
          return true
        case .endOfFile:
          session.leaveAtQuestion()
          return true
        }
      }
    }
    return failed
  }
}
