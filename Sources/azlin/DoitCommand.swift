import ArgumentParser
import AzlinConversation
import AzlinCore
import AzlinShell
import Foundation

/// `azlin doit "<request>"`: one turn, then exit.
struct DoitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doit",
    abstract: "Carry out one request and exit (non-zero when it failed or was refused)."
  )

  @Argument(help: "The request, in plain words.")
  var request: String

  @OptionGroup var options: SessionOptions

  func run() throws {
    guard !request.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      FileHandle.standardError.write(
        Data(
          "azlin doit: the request is empty; usage: azlin doit \"<request>\" [--yes] [--dry-run]\n"
            .utf8))
      throw ExitCode(2)
    }
    try options.withSession { launcher, session, _ in
      launcher.runOneShot(session, request: request) ? 1 : 0
    }
  }
}
