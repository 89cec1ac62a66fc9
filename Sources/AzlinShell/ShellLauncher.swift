import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Starts sessions for `azlin shell` and `azlin doit`: picks the backend, reads the config,
/// prepares the state folder, and runs the loop.
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

  /// Builds a session on the live system.
  /// - Throws: `StartError` when the state folder or the backend cannot be used.
  public func makeSession(choice: BackendChoice?, options: Session.Options, output: any OutputSink)
    throws -> Session
  {
    let home = AzlinHome.fromEnvironment(environment)
    do {
      try home.prepare()
    } catch {
      throw StartError(
        description:
          "azlin: cannot use the state folder: \(error). Set AZLIN_HOME to a writable folder.")
    }
    var context = AzlinContext.live(home: home, environment: environment)
    let backend = try makeBackend(
      choice: try resolve(choice), context: &context, interactive: output.isInteractive)
    let (config, warnings) = AzlinConfig.load(path: home.configFile)
    for w in warnings { output.error("azlin: " + w) }
    let document = (try? String(contentsOfFile: home.configFile, encoding: .utf8)).flatMap {
      try? TOMLDocument(parsing: $0)
    }
    let (llmSettings, llmWarnings) = LLMSettings.load(
      document: document, environment: environment, path: home.configFile)
    for w in llmWarnings { output.error("azlin: " + w) }
    let llm = llmSettings.map { LLMIntentParser(settings: $0, sleeper: SystemSleeper()) }
    if let s = llmSettings, output.isInteractive {
      output.line(Messages.llmInUse(provider: s.provider.rawValue, model: s.model))
    }
    return Session(
      context: context, backend: backend, config: config, output: output, options: options,
      version: version, llm: llm)
  }

  private func resolve(_ choice: BackendChoice?) throws -> BackendChoice {
    if let choice { return choice }
    guard let text = environment["AZLIN_BACKEND"], !text.isEmpty else { return .auto }
    guard let value = BackendChoice(rawValue: text.lowercased()) else {
      throw StartError(description: "azlin: AZLIN_BACKEND=\(text) is not one of auto, az, sim.")
    }
    return value
  }

  /// The backend; for the simulator, the context's sleeper becomes its modelled time, so
  /// retry waits pass as simulated operations do.
  private func makeBackend(choice: BackendChoice, context: inout AzlinContext, interactive: Bool)
    throws
    -> any AzureBackend
  {
    if choice != .sim {
      let hasAz = SystemProcessRunner.locate("az", path: environment["PATH"]) != nil
      if hasAz {
        switch AzureCLIBackend.probe(runner: context.runner) {
        case .success(let subscription):
          return AzureCLIBackend(
            runner: context.runner, clock: context.clock, subscriptionName: subscription)
        case .failure(let error):
          if choice == .az {
            throw StartError(
              description:
                "azlin: az cannot be used: \(error.message) Run 'az login', or use --backend sim.")
          }
        }
      } else if choice == .az {
        throw StartError(
          description:
            "azlin: az is not installed or not on PATH. Install the Azure CLI, or use --backend sim."
        )
      }
    }
    // The simulator draws its own IDs: the session's sequence stays the one its seed gives,
    // as in replay. The simulator's modelled minutes pass in moments on a terminal, and not at all on a pipe.
    // AZLIN_SIM_PACE sets real seconds per modelled second on a pipe too (crash tests need time to pass).
    let pace = environment["AZLIN_SIM_PACE"].flatMap(Double.init).map { min(max($0, 0), 1) }
    let time = ModelledTime(
      offsetFile: context.home.simulatorClockOffset, realFactor: pace ?? (interactive ? 0.01 : 0))
    do {
      let simulator = try AzureSimulator(
        folder: context.home.simulatorFolder, clock: time, sleeper: time, ids: RandomIDGenerator(),
        faults: environment["AZLIN_SIM_FAULTS"],
        vCPUQuota: environment["AZLIN_SIM_VCPU_QUOTA"].flatMap { Int($0) })
      context.sleeper = time
      return SimulatorBackend(simulator: simulator)
    } catch {
      throw StartError(description: "azlin: the simulator cannot start: \(error)")
    }
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
