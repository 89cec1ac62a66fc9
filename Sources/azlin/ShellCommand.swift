import ArgumentParser
import AzlinCore
import AzlinShell
import Foundation

/// `azlin shell`: the conversational REPL.
struct ShellCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shell",
    abstract: "Start the conversational shell.",
    discussion:
      "With standard input not a terminal, reads one turn a line: `azlin shell --yes < turns.txt`."
  )

  @OptionGroup var options: SessionOptions

  func run() throws {
    let interactive = isatty(0) != 0 && isatty(1) != 0
    let output = ConsoleOutput(isInteractive: interactive)
    let launcher = ShellLauncher(version: AzlinCommand.version)
    do {
      let session = try launcher.makeSession(
        choice: options.backend, options: options.sessionOptions, output: output)
      let status = launcher.runLoop(session, interactive: interactive)
      if status != 0 { throw ExitCode(status) }
    } catch let error as ShellLauncher.StartError {
      output.error(error.description)
      throw ExitCode(1)
    }
  }
}
