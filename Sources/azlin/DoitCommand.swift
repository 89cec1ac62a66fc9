import ArgumentParser
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
    let interactive = isatty(0) != 0 && isatty(1) != 0
    let output = ConsoleOutput(isInteractive: interactive)
    let launcher = ShellLauncher(version: AzlinCommand.version)
    do {
      let session = try launcher.makeSession(
        choice: options.backend, options: options.sessionOptions, output: output)
      let failed = launcher.runOneShot(session, request: request)
      if failed { throw ExitCode(1) }
    } catch let error as ShellLauncher.StartError {
      output.error(error.description)
      throw ExitCode(1)
    }
  }
}
