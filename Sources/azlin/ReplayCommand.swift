import ArgumentParser
import AzlinConversation
import AzlinCore
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

  @Option(name: .customLong("junit"), help: "Also write the results as JUnit XML to this file.")
  var junit: String?

  func run() throws {
    // Every file a replay writes is in a temporary sandbox that is removed afterwards:
    // nothing there needs to survive a power cut.
    FileDurability.flushes = false
    // Sandboxes in memory where there is a place for them, unless TMPDIR says where.
    let environment = ProcessInfo.processInfo.environment
    let parent = (environment["TMPDIR"] ?? "").isEmpty ? TranscriptSuite.memoryFolder : nil
    let suite = TranscriptSuite(version: AzlinCommand.version, sandboxParent: parent)
    let result = suite.run(
      paths: paths,
      update: update || ProcessInfo.processInfo.environment["AZLIN_UPDATE_TRANSCRIPTS"] == "1")
    for line in result.report { print(line) }
    if let junit {
      do {
        try AtomicFile.write(JUnitReport.xml(result), to: junit, mode: 0o644)
      } catch {
        FileHandle.standardError.write(Data("azlin: cannot write \(junit): \(error)\n".utf8))
        throw ExitCode(1)
      }
    }
    if !result.passed { throw ExitCode(1) }
  }
}
