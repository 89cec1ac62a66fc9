import ArgumentParser
import AzlinShell
import Foundation

/// `azlin replay`: replay transcripts and compare.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Replay transcripts in fresh sandboxes; non-zero exit on any mismatch."
  )

  @Argument(help: "Transcript files, or folders of *.transcript files.")
  var paths: [String]

  @Flag(help: "Rewrite the expected output with what the shell said (the run still fails).")
  var update = false

  func run() throws {
    let suite = TranscriptSuite(version: AzlinCommand.version)
    let result = suite.run(
      paths: paths,
      update: update || ProcessInfo.processInfo.environment["AZLIN_UPDATE_TRANSCRIPTS"] == "1")
    for line in result.report { print(line) }
    if !result.passed { throw ExitCode(1) }
  }
}
