import ArgumentParser
import AzlinConversation
import AzlinShell

/// `azlin`: a conversational shell for Azure.
struct AzlinCommand: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "azlin",
    abstract: "A conversational shell for Azure.",
    discussion: """
      Type what you want in plain words — "create a vm called sam", "stop it" — and azlin plans it, \
      prices it, asks, and runs it. Without a logged-in az it uses its embedded Azure simulator.
      """,
    version: version,
    subcommands: [
      ShellCommand.self, DoitCommand.self, ReplayCommand.self, SimCommand.self,
      MCPServerCommand.self,
    ],
    defaultSubcommand: nil
  )
}
