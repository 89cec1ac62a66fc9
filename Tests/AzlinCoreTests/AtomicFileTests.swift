import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

@Suite struct AtomicFileTests {
  @Test func replacesContentWithMode0600AndLeavesNoTemporaryFile() throws {
    let folder = TemporaryFolder()
    let path = folder.file("state.json")
    try AtomicFile.write("one", to: path)
    try AtomicFile.write("two", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["state.json"])
  }

  @Test func failureNamesThePath() {
    #expect(throws: FileError.self) { try AtomicFile.write("x", to: "/nonexistent-folder/x.json") }
  }

  @Test func homeIsCreatedWithMode0700() throws {
    let folder = TemporaryFolder()
    let home = AzlinHome(root: folder.file("home"))
    try home.prepare()
    let attributes = try FileManager.default.attributesOfItem(atPath: home.root)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    #expect(FileManager.default.fileExists(atPath: home.objectivesFolder))
  }

  @Test func unwritableHomeIsAnError() {
    #expect(throws: FileError.self) { try AzlinHome(root: "/proc/azlin-cannot-be-here").prepare() }
  }
}
