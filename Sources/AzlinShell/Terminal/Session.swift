import AzlinConversation
import Foundation

/// The shell on a terminal or a pipe: reads lines (libedit, or a pipe), hands each to the
/// `TurnEngine`, and turns Ctrl-C and Ctrl-D into what they mean at the prompt.
///
/// Everything a line does — cleaning it, routing a slash command, answering what is pending,
/// the request pipeline — is the engine's, so a transcript replayed on the engine takes the
/// same path as a typed line. The engine writes its answers through the `OutputSink` it was
/// made with; on a terminal the session gives it `TerminalControls` for Ctrl-C and the spinner.
public final class Session {
  /// The conversation this shell runs.
  public let engine: TurnEngine

  /// A shell on `engine`; on a terminal, the engine gets Ctrl-C handling and a spinner.
  public init(engine: TurnEngine) {
    self.engine = engine
    if engine.output.isInteractive { engine.terminal = TerminalControls() }
  }

  /// Runs the read-eval-print loop until /quit or end of input.
  /// - Parameters:
  ///   - interactive: True on a terminal: the line history is read and kept, the welcome shown.
  ///   - welcome: What is printed before the first prompt on a terminal.
  /// - Returns: The exit status: 0.
  public func run(interactive: Bool, welcome: String) -> Int32 {
    let reader = makeLineReader(historyPath: interactive ? engine.home.shellHistory : nil)
    reader.completer = { [unowned engine] in engine.completions(for: $0) }
    if interactive { print(welcome) }
    engine.start()
    loop: while !engine.wantsToQuit {
      switch reader.readLine(prompt: engine.prompt) {
      case .line(let line):
        let turn = engine.handle(line)
        // Answers to questions ("y", a VM's name) are not worth recalling: not history.
        if interactive, !turn.answered,
          !line.trimmingCharacters(in: .whitespaces).isEmpty
        {
          reader.addHistory(TurnEngine.clean(line).line)
        }
      case .interrupted:
        engine.cancelQuestion()
        continue
      case .endOfFile:
        engine.leaveAtQuestion()
        break loop
      }
    }
    reader.saveHistory()
    engine.end()
    return 0
  }

  /// Runs one request; answers to its questions are read from standard input.
  /// - Returns: true when the request failed, was refused, or was left unanswered.
  public func runOneShot(request: String) -> Bool {
    engine.start()
    defer { engine.end() }
    var turn = engine.handle(request)
    var failed = turn.failed
    if turn.waiting {
      let reader = makeLineReader(historyPath: nil)
      while turn.waiting {
        switch reader.readLine(prompt: "> ") {
        case .line(let line):
          turn = engine.handle(line)
          failed = failed || turn.failed
        case .interrupted:
          engine.cancelQuestion()
          return true
        case .endOfFile:
          engine.leaveAtQuestion()
          return true
        }
      }
    }
    return failed
  }
}
