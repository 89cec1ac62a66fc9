import AzlinCore
import AzlinLedger
import AzlinTestSupport
import Foundation
import Testing

/// Reading the audit log forward, a little at a time.
@Suite struct AuditFollowerTests {
  @Test func readsOnlyWhatWasAppendedSinceItStarted() throws {
    let folder = TemporaryFolder()
    let path = folder.file("audit.log")
    let log = AuditLog(path: path, session: "s", clock: ManualClock())
    try log.record(.input, [("text", "before")])
    let follower = AuditFollower(path: path)
    #expect(follower.readNew().lines.isEmpty)
    try log.record(.input, [("text", "one")])
    try log.record(.input, [("text", "two")])
    #expect(follower.readNew().lines.map { $0?.json["text"]?.stringValue } == ["one", "two"])
    #expect(follower.readNew().lines.isEmpty)
  }

  @Test func followsARotationWithoutLosingOrRepeatingALine() throws {
    let folder = TemporaryFolder()
    let path = folder.file("audit.log")
    let log = AuditLog(path: path, session: "s", clock: ManualClock(), rotateBytes: 300, keep: 5)
    let follower = AuditFollower(path: path)
    var read: [String] = []
    for n in 0..<20 {
      try log.record(
        .input, [("text", .string("e\(n)")), ("pad", .string(String(repeating: "x", count: 60)))])
      if n % 3 == 0 {
        read += follower.readNew().lines.compactMap { $0?.json["text"]?.stringValue }
      }
    }
    read += follower.readNew().lines.compactMap { $0?.json["text"]?.stringValue }
    #expect(FileManager.default.fileExists(atPath: path + ".1"))
    #expect(read == (0..<20).map { "e\($0)" })
  }

  @Test func aTornLineIsReportedThenReadAsALineOfItsOwn() throws {
    let folder = TemporaryFolder()
    let path = folder.file("audit.log")
    let log = AuditLog(path: path, session: "s", clock: ManualClock())
    let follower = AuditFollower(path: path)
    try log.record(.input, [("text", "first")])
    try AppendOnlyFile.append(Data(#"{"ts":"2026-11-26T09:00:00.000Z","sess"#.utf8), to: path)
    let early = follower.readNew()
    #expect(early.lines.map { $0?.json["text"]?.stringValue } == ["first"])
    #expect(early.tornTail)
    try log.record(.input, [("text", "after")])
    let late = follower.readNew()
    #expect(late.lines.map { $0?.json["text"]?.stringValue } == [nil, "after"])
    #expect(!late.tornTail)
  }
}
