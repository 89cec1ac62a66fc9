import AzlinCore
import AzlinLedger
import AzlinTestSupport
import Foundation
import Testing

@testable import AzlinConversation

/// Issue 13, item 11: state files, settings and typed input that are not what they should be.
@Suite struct FilesAndInputsTests {
  @Test(arguments: ["{not json", "", "{\"version\": 1, \"groups\": 7}", "\u{0}\u{1}garbage"])
  func aCorruptSimulatorStateIsOneLineAndKeptAsItIs(_ content: String) throws {
    var options = TurnEngine.Options()
    options.autoApprove = true
    let sandbox = try ShellSandbox(options: options, version: "test")
    defer { sandbox.close() }
    let state = sandbox.home.simulatorFolder + "/state.json"
    try Data(content.utf8).write(to: URL(fileURLWithPath: state))
    for line in ["list vms", "create a vm called a1", "how much am I spending"] {
      sandbox.session.handle(line)
      let said = sandbox.output.take()
      let text = said.joined(separator: "\n")
      #expect(!text.contains("No VMs"), "\(line): \(text)")
      #expect(!text.contains("SimulatorFailure") && !text.contains("azure(\""), "\(line): \(text)")
      #expect(!text.contains("Proceed") && !text.contains("Done"), "\(line): \(text)")
      let problem = said.filter { $0.contains("state.json") }
      #expect(problem.count == 1, "\(line): one line names the file: \(text)")
      #expect(problem.first?.contains("Move it aside") == true, "\(line): \(text)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == Data(content.utf8))
  }

  @Test func aCorruptFailureHistoryIsNamedAndNeverOverwritten() throws {
    var options = TurnEngine.Options()
    options.autoApprove = true
    let sandbox = try ShellSandbox(
      environment: ["AZLIN_SIM_FAULTS": "vm create=SkuNotAvailable"], options: options,
      version: "test")
    defer { sandbox.close() }
    let path = sandbox.home.failureHistory
    try Data("not a history".utf8).write(to: URL(fileURLWithPath: path))
    sandbox.session.handle("create a vm called a1")
    let said = sandbox.output.take()
    #expect(
      said.filter { $0.contains("failure_history.json") && $0.contains("left as it is") }.count
        == 1, "\(said)")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a history")
  }

  @Test(arguments: ["monthly_limit = \"fifty\"", "monthly_limit = -5", "monthly_limit = [50]"])
  func anUnreadableLimitFailsClosed(_ setting: String) throws {
    let sandbox = try ShellSandbox(
      files: [("config.toml", "[budget]\n\(setting)\n")], version: "test")
    defer { sandbox.close() }
    let said = sandbox.reply(to: "create a vm called a1 --force")
    #expect(said.contains("budget.monthly_limit cannot be read"), "\(said)")
    #expect(said.contains("config.toml:2"), "\(said)")
    #expect(!said.contains("Proceed"), "\(said)")
    #expect(sandbox.session.dialogue.pending == nil)
    sandbox.session.handle("/budget")
    #expect(sandbox.output.take().contains { $0.contains("Monthly limit: unreadable") })
  }

  @Test func aConfigThatCannotBeParsedKeepsItsLimitClosed() throws {
    let sandbox = try ShellSandbox(
      files: [("config.toml", "[budget\nmonthly_limit = 50\n")], version: "test")
    defer { sandbox.close() }
    let said = sandbox.reply(to: "create a vm called a1")
    #expect(said.contains("cannot be read"), "\(said)")
    #expect(!said.contains("Proceed"), "\(said)")
  }

  @Test func undoTakesAnIDPieceOfAtLeastFourCharacters() throws {
    var options = TurnEngine.Options()
    options.autoApprove = true
    let sandbox = try ShellSandbox(options: options, version: "test")
    defer { sandbox.close() }
    sandbox.session.handle("create a vm called a1")
    _ = sandbox.output.take()
    let id = try #require(sandbox.session.store.all().objectives.first?.id)
    for short in ["1", String(id.suffix(3)), String(id.prefix(2))] {
      sandbox.session.handle("/undo \(short)")
      let said = sandbox.output.take()
      #expect(said.count == 1, "\(short): \(said)")
      #expect(said.first?.contains("too short") == true, "\(short): \(said)")
    }
    sandbox.session.handle("/resume 1")
    #expect(sandbox.output.take().first?.contains("too short") == true)
    sandbox.session.handle("/undo \(id.suffix(8))")
    #expect(sandbox.output.take().contains { $0.contains("Undo \"create a vm called a1\"") })
  }

  /// A terminal escape sequence goes whole, not only its ESC: "stop \u{1B}[31mweb1" is "stop web1".
  @Test(arguments: ["\u{1B}[31m", "\u{1B}[0m", "\u{1B}[1;32m", "\u{1B}[2K"])
  func escapeSequencesAreStrippedWhole(_ c: String) {
    let (line, removed) = TurnEngine.clean("list vms \(c)in test-rg")
    #expect(line == "list vms in test-rg")
    #expect(removed)
  }

  @Test(arguments: [
    "\u{202E}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}",
    "\u{202C}", "\u{202D}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{FEFF}",
  ])
  func invisibleCharactersAreStrippedLikeControls(_ c: String) throws {
    let (line, removed) = TurnEngine.clean("list vms\(c) in te\(c)st-rg")
    #expect(line == "list vms in test-rg")
    #expect(removed)
    let sandbox = try ShellSandbox(version: "test")
    defer { sandbox.close() }
    sandbox.session.handle("create a vm called a\(c)1")
    let said = sandbox.output.take()
    #expect(said.first == Messages.controlCharacters)
    #expect(!said.joined().unicodeScalars.contains { $0 == c.unicodeScalars.first! })
    #expect(said.contains { $0.contains("create VM a1 ") }, "\(said)")
  }

  @Test(arguments: [
    "westus", "westus2", "westus3", "centralus", "northcentralus", "southcentralus",
    "westcentralus", "eastus", "eastus2", "canadacentral", "canadaeast", "brazilsouth",
    "northeurope", "westeurope", "uksouth", "ukwest", "francecentral", "germanywestcentral",
    "norwayeast", "swedencentral", "switzerlandnorth", "polandcentral", "italynorth",
    "spaincentral", "eastasia", "southeastasia", "japaneast", "japanwest", "koreacentral",
    "koreasouth", "centralindia", "southindia", "westindia", "australiaeast",
    "australiasoutheast", "australiacentral", "uaenorth", "southafricanorth", "qatarcentral",
    "israelcentral", "mexicocentral", "newzealandnorth",
  ])
  func everyPublicRegionIsKnown(_ region: String) throws {
    let sandbox = try ShellSandbox(version: "test")
    defer { sandbox.close() }
    let said = sandbox.reply(to: "create a resource group called r1 in \(region)")
    #expect(said.contains("create resource group r1 in \(region)"), "\(said)")
  }

  @Test func aTornAuditLineNeverSwallowsTheNextEvent() throws {
    let folder = TemporaryFolder()
    let path = folder.file("audit.log")
    let log = AuditLog(path: path, session: "s1", clock: ManualClock())
    try log.record(.input, [("text", "first")])
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"ts":"2026-11-26T09:00:00.000Z","session":"s1","ev"#.utf8))
    handle.closeFile()
    try log.record(.input, [("text", "after_the_tear")])
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.last?.hasPrefix(#"{"ts""#) == true)
    #expect(lines.last?.contains(#""text":"after_the_tear""#) == true)
    var reader = AuditReader(path: path)
    let events = reader.newest(limit: 10) { _ in true }.map { $0.json["text"]?.stringValue }
    #expect(events == ["after_the_tear", "first"])
    #expect(reader.skipped == 1)
  }

  @Test func aTornLedgerLineNeverSwallowsTheNextEntry() throws {
    let folder = TemporaryFolder()
    let path = folder.file("ledger.jsonl")
    try Data(#"{"ts":"2026-11-26T09:00:00.000Z","resource":"vm/a/"#.utf8).write(
      to: URL(fileURLWithPath: path))
    let ledger = SpendLedger(path: path)
    let at = Date(timeIntervalSince1970: 1_790_000_000)
    try ledger.record(.init(at: at, resource: "vm/rg/a1", group: "rg", hourly: Money(1)))
    #expect(ledger.entries().map(\.resource) == ["vm/rg/a1"])
  }
}
