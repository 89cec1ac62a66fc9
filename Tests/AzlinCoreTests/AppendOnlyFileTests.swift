import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

@Suite struct AppendOnlyFileTests {
  @Test func appendsRecordsInOrderWithMode0600() throws {
    let folder = TemporaryFolder()
    let file = AppendOnlyFile(path: folder.file("log.jsonl"))
    try file.append(Data("{\"n\":1}\n".utf8))
    try file.append(Data("{\"n\":2}\n".utf8))
    let text = try String(contentsOfFile: file.path, encoding: .utf8)
    #expect(text == "{\"n\":1}\n{\"n\":2}\n")
    #expect(
      file.records().map { String(decoding: $0, as: UTF8.self) } == ["{\"n\":1}", "{\"n\":2}"])
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
  }

  @Test func aTornLastLineIsSkippedAndNeverMergedWithTheNextRecord() throws {
    let folder = TemporaryFolder()
    let file = AppendOnlyFile(path: folder.file("log.jsonl"))
    try file.append(Data("{\"n\":1}\n".utf8))
    try AtomicFile.write(
      Data("{\"n\":1}\n{\"n\":2,\"to".utf8), to: file.path, mode: 0o600)
    #expect(file.records().map { String(decoding: $0, as: UTF8.self) } == ["{\"n\":1}"])
    let first = file.read(from: 0)
    #expect(first.end == 8)
    try file.append(Data("{\"n\":3}\n".utf8))
    let text = try String(contentsOfFile: file.path, encoding: .utf8)
    #expect(text == "{\"n\":1}\n{\"n\":2,\"to\n{\"n\":3}\n")
    let rest = file.read(from: first.end)
    #expect(
      rest.records.map { String(decoding: $0, as: UTF8.self) } == ["{\"n\":2,\"to", "{\"n\":3}"])
    #expect(rest.end == UInt64(text.utf8.count))
    #expect(file.read(from: rest.end).records.isEmpty)
  }

  @Test func aMissingFileHasNoRecords() {
    let folder = TemporaryFolder()
    let file = AppendOnlyFile(path: folder.file("absent.jsonl"))
    #expect(file.records().isEmpty)
    #expect(file.read(from: 0).end == 0)
  }

  @Test func rotatesBeforeARecordWouldPassTheSize() throws {
    let folder = TemporaryFolder()
    let file = AppendOnlyFile(path: folder.file("a.log"), rotation: .init(bytes: 20, keep: 2))
    for n in 0..<4 { try file.append(Data("record-\(n)-xxxx\n".utf8)) }
    let read = { (suffix: String) in
      try String(contentsOfFile: file.path + suffix, encoding: .utf8)
    }
    #expect(try read("") == "record-3-xxxx\n")
    #expect(try read(".1") == "record-2-xxxx\n")
    #expect(try read(".2") == "record-1-xxxx\n")
    #expect(!FileManager.default.fileExists(atPath: file.path + ".3"))
  }
}
