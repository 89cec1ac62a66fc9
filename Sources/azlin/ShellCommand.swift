import ArgumentParser
import AzlinConversation
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
    try options.withSession { launcher, session, interactive in
      launcher.runLoop(session, interactive: interactive)
    }
  }
}
