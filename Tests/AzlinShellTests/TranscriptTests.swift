import AzlinConversation
import AzlinTestSupport
import Foundation
import Testing

/// Replays every transcript in `transcripts/`: each is a test of the whole shell.
@Suite struct TranscriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("transcripts").path

  static var files: [String] { TranscriptSuite.files(in: [folder]) }

  /// Each replay runs on a thread of its own: the shell blocks while steps run, as on its
  /// main thread, and must not hold one of the concurrency pool's few threads meanwhile.
  @Test(arguments: files)
  func replays(_ file: String) async throws {
    let update = ProcessInfo.processInfo.environment["AZLIN_UPDATE_TRANSCRIPTS"] == "1"
    let result = try await onOwnThread {
      TranscriptSuite(version: "test").run(paths: [file], update: update)
    }
    #expect(result.passed, "\(result.report.joined(separator: "\n"))")
  }

  @Test func thereAreTranscriptsToReplay() {
    #expect(Self.files.count >= 8)
  }
}
