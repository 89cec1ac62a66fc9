import ArgumentParser
import AzlinConversation
import AzlinCore
import AzlinShell
import Foundation

/// The options `azlin shell` and `azlin doit` share.
struct SessionOptions: ParsableArguments {
  @Option(help: "Where commands land: auto (az when logged in, else the simulator), az, or sim.")
  var backend: ShellLauncher.BackendChoice?

  @Flag(
    name: [.customShort("y"), .long],
    help: "Approve every plan, destroy steps included. Budget refusals stand.")
  var yes = false

  @Flag(help: "Plan and price, then stop: nothing is changed.")
  var dryRun = false

  @Flag(
    help:
      "Questions, plans and prices only: nothing is executed, no setting is changed (also [safety] read_only = true)."
  )
  var readOnly = false

  @Flag(name: .shortAndLong, help: "Show the az commands of every plan.")
  var verbose = false

  @Flag(help: "Carry on the conversation of the most recent session (what \"it\" refers to).")
  var resume = false

  @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal (as NO_COLOR does).")
  var noColor = false

  var sessionOptions: TurnEngine.Options {
    var o = TurnEngine.Options()
    o.autoApprove = yes
    o.dryRun = dryRun
    o.verbose = verbose
    o.resume = resume
    o.readOnly = readOnly
    return o
  }
}

extension SessionOptions {
  /// Starts a session on the live system and runs `body` with it; a session that cannot
  /// start prints one line and exits 1.
  /// - Returns: `body`'s exit status.
  func withSession(_ body: (ShellLauncher, Session, _ interactive: Bool) -> Int32) throws {
    let interactive = isatty(0) != 0 && isatty(1) != 0
    let environment = ProcessInfo.processInfo.environment
    // Colour only where both streams are terminals: a line may go to either.
    let colour = TerminalStyle.enabled(
      environment: environment, noColorFlag: noColor, isTerminal: isatty(1) != 0 && isatty(2) != 0)
    let output = ConsoleOutput(
      isInteractive: interactive, paint: colour ? { TerminalStyle.paint($0, isError: $1) } : nil)
    let launcher = ShellLauncher(version: AzlinCommand.version)
    let session: Session
    do {
      session = try launcher.makeSession(choice: backend, options: sessionOptions, output: output)
    } catch let error as ShellLauncher.StartError {
      output.error(error.description)
      throw ExitCode(1)
    }
    let status = body(launcher, session, interactive)
    if status != 0 { throw ExitCode(status) }
  }
}

extension ShellLauncher.BackendChoice: ExpressibleByArgument {}
