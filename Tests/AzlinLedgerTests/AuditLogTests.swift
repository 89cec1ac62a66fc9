import AzlinCore
import AzlinLedger
import AzlinTestSupport
import Foundation
import Testing

@Suite struct AuditLogTests {
  @Test func writesOneOrderedJSONLinePerEvent() throws {
    let folder = TemporaryFolder()
    let log = AuditLog(path: folder.file("audit.log"), session: "s1", clock: ManualClock())
    try log.record(
      .command, objective: "o1", [("argv", .strings(["az", "group", "list"])), ("exit_code", 0)])
    let text = try String(contentsOfFile: folder.file("audit.log"), encoding: .utf8)
    #expect(
      text
        == #"{"ts":"2026-11-26T09:00:00.000Z","session":"s1","objective":"o1","event":"command","argv":["az","group","list"],"exit_code":0}"#
        + "\n")
    let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("audit.log"))
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
  }

  @Test func readerGivesNewestFirstAndSkipsATornLastLine() throws {
    let folder = TemporaryFolder()
    let path = folder.file("audit.log")
    let log = AuditLog(path: path, session: "s", clock: ManualClock())
    for i in 0..<5 { try log.record(.input, [("n", .number(Double(i)))]) }
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"ts":"2026-01-01T00:00:00Z","sess"#.utf8))
    try handle.close()
    var reader = AuditReader(path: path)
    let entries = reader.newest(limit: 3) { _ in true }
    #expect(entries.map { $0.json["n"]?.intValue } == [4, 3, 2])
    #expect(reader.skipped == 1)
  }

  @Test func readerCrossesChunkBoundaries() throws {
    let folder = TemporaryFolder()
    let path = folder.file("audit.log")
    let log = AuditLog(path: path, session: "s", clock: ManualClock())
    let filler = String(repeating: "x", count: 1000)
    for i in 0..<600 {
      try log.record(.input, [("n", .number(Double(i))), ("pad", .string(filler))])
    }
    var reader = AuditReader(path: path)
    let all = reader.newest(limit: 10_000) { _ in true }
    #expect(all.count == 600)
    #expect(all.first?.json["n"]?.intValue == 599)
    #expect(all.last?.json["n"]?.intValue == 0)
    #expect(reader.skipped == 0)
  }

  @Test func rotatesAndKeepsFiveFiles() throws {
    let folder = TemporaryFolder()
    let path = folder.file("audit.log")
    let log = AuditLog(path: path, session: "s", clock: ManualClock(), rotateBytes: 300, keep: 5)
    for i in 0..<40 { try log.record(.input, [("n", .number(Double(i)))]) }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(
      names == [
        "audit.log", "audit.log.1", "audit.log.2", "audit.log.3", "audit.log.4", "audit.log.5",
      ])
    var reader = AuditReader(path: path)
    let newest = reader.newest(limit: 1) { _ in true }
    #expect(newest.first?.json["n"]?.intValue == 39)
  }

  @Test func twoWritersInterleaveWholeLines() async throws {
    let folder = TemporaryFolder()
    let path = folder.file("audit.log")
    await withTaskGroup(of: Void.self) { group in
      for writer in 0..<2 {
        group.addTask {
          let log = AuditLog(path: path, session: "w\(writer)", clock: SystemClock())
          for i in 0..<200 {
            try? log.record(
              .input,
              [("n", .number(Double(i))), ("text", .string(String(repeating: "y", count: 500)))])
          }
        }
      }
    }
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 400)
    for line in lines { #expect((try? JSONValue.parse(String(line))) != nil) }
  }
}

@Suite struct AuditReaderFilterTests {
  @Test func thePreFilterKeepsOnlyLinesWithTheNeedleAcrossChunks() throws {
    let folder = TemporaryFolder()
    let path = folder.file("audit.log")
    let log = AuditLog(path: path, session: "s", clock: ManualClock())
    let pad = String(repeating: "z", count: 900)
    for i in 0..<1000 {
      let failed = i % 97 == 0
      try log.record(
        .command,
        [
          ("n", .number(Double(i))), ("error_code", failed ? "Conflict" : nil),
          ("pad", .string(pad)),
        ])
    }
    var reader = AuditReader(path: path)
    let found = reader.newest(limit: 100, mustContain: #""error_code":""#) { _ in true }
    #expect(
      found.compactMap { $0.json["n"]?.intValue }
        == stride(from: 970, through: 0, by: -97).map { $0 })
    #expect(reader.skipped == 0)
  }
}

@Suite struct AuditEventTests {
  @Test func namesOnDiskAreUniqueLowerSnakeCase() {
    let names = AuditEvent.allCases.map(\.rawValue)
    #expect(Set(names).count == names.count)
    for name in names {
      #expect(name.allSatisfy { $0.isLowercase || $0 == "_" }, "\(name)")
    }
    #expect(AuditEvent(rawValue: "objective_status") == .objectiveStatus)
    #expect(AuditEvent(rawValue: "from_a_newer_azlin") == nil)
  }
}
