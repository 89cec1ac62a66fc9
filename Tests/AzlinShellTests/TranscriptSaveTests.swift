import AzlinAzure
import AzlinCore
import AzlinSimulator
import AzlinTestSupport
import Foundation
import Testing

@testable import AzlinConversation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What `/save` writes and what replay makes of it: wildcards, the starting state, the config.
@Suite struct TranscriptSaveTests {
  @Test(arguments: [
    ("Done (objective 1a2b3c4d).", "Done (objective 1a2b3c4d).", true),
    ("[..]  > list vms", "09:03:19  > list vms", true),
    ("  ✓ create VM a (Standard_B2s) ([..])", "  ✓ create VM a (Standard_B2s) (1m30s)", true),
    ("a [..] b [..] c", "a 1 b 2 c", true),
    ("a [..] b [..] c", "a 1 c", false),
    ("[..]", "", true),
    ("x[..]", "y", false),
    ("[..]y", "xyz", false),
    ("Done (objective 1a2b3c4d).", "Done (objective 00000002).", false),
  ])
  func wildcardsMatchAnyTextOnTheirLine(_ expected: String, _ actual: String, _ matches: Bool) {
    #expect(Transcript.line(expected, matches: actual) == matches)
  }

  @Test(arguments: [
    ("09:03:19  > create a vm", "[..]  > create a vm"),
    (
      "939e776b  completed  2026-12-01T23:51:46  start legacy",
      "939e776b  completed  [..]  start legacy"
    ),
    (
      "  ✓ create VM web (Standard_B2s, Ubuntu2204) in rg (1m30s)",
      "  ✓ create VM web (Standard_B2s, Ubuntu2204) in rg ([..])"
    ),
    (
      "  ✓ stop VM a (30s) via mcp:sim (azmcp_compute_vm_stop)",
      "  ✓ stop VM a ([..]) via mcp:sim (azmcp_compute_vm_stop)"
    ),
    ("09:03:22    az vm stop --name a → ok, 30s", "[..]    az vm stop --name a → ok, [..]"),
    (
      "  ↻ create VM d1: InternalServerError — trying again in 2.2s (attempt 2 of 4)",
      "  ↻ create VM d1: InternalServerError — trying again in [..] (attempt 2 of 4)"
    ),
    ("Cost: +$39.30/month", "Cost: +$39.30/month"),
    ("VM sam (Standard_B2s) at 10:30", "VM sam (Standard_B2s) at 10:30"),
  ])
  func wallClockValuesBecomeWildcards(_ line: String, _ saved: String) {
    #expect(Transcript.normalised(line) == saved)
  }

  @Test func moneyAlreadySpentBecomesWildcards() {
    let saved = Transcript.normalised(turn: [
      "Monthly limit: $300.00/month    Daily limit: none",
      "Spent today: $0.01    this month: $0.01    (estimates from list prices)",
      "Run-rate of what exists: $140.50/month",
      "Projected this month: $140.51 — 46% of $300.00/month (ok)",
      "", "GROUP    LIMIT  RUN-RATE       SPENT THIS MONTH", "prod-rg  -      $140.50/month  $0.01",
      "", "Cost: +$3.00/month",
    ])
    #expect(
      saved == [
        "Monthly limit: $300.00/month    Daily limit: none",
        "Spent today: [..]    this month: [..]    (estimates from list prices)",
        "Run-rate of what exists: $140.50/month", "Projected this month: [..]", "",
        "GROUP    LIMIT  RUN-RATE       SPENT THIS MONTH", "prod-rg  -      $140.50/month  [..]",
        "",
        "Cost: +$3.00/month",
      ])
  }

  @Test func updateKeepsExpectedLinesThatStillMatch() {
    let kept = Transcript.updated(
      expected: ["[..]  > a", "old"], actual: ["09:00:00  > a", "new", "more"])
    #expect(kept == ["[..]  > a", "new", "more"])
  }

  @Test func onlyTheSettingsReplayNeedsAreSaved() {
    let config = """
      # mine
      [defaults]
      region = "westus2"

      [llm]
      provider = "anthropic"

      [budget]
      monthly_limit = 100

      [budget.resource_groups]
      test-rg = 10

      [mcp]
      servers = []
      [safety]
      read_only = false
      """
    let kept = Transcript.replayedConfig(config)
    #expect(kept.contains("region = \"westus2\""))
    #expect(kept.contains("monthly_limit = 100"))
    #expect(kept.contains("test-rg = 10"))
    #expect(kept.contains("read_only = false"))
    #expect(!kept.contains("anthropic"))
    #expect(!kept.contains("servers"))
  }

  /// The starting state written as az commands makes the same state on a fresh simulator.
  @Test func theStartingStateIsMadeAgainOnAFreshSimulator() throws {
    let original = try simulator()
    for line in [
      "group create --name old-rg --location westeurope",
      "group create --name other --location eastus",
      "vm create --resource-group old-rg --name a --image Ubuntu2204 --size Standard_D2s_v3 --admin-username azureuser --generate-ssh-keys",
      "vm create --resource-group other --name b --image Ubuntu2204 --size Standard_B2s --admin-username azureuser --generate-ssh-keys",
      "vm deallocate --resource-group old-rg --name a",
      "vm stop --resource-group other --name b",
      "storage account create --name oldstore123 --resource-group old-rg --location westeurope --sku Standard_LRS",
      "disk create --resource-group old-rg --name d1 --size-gb 64 --sku Premium_LRS",
      "vm disk attach --resource-group old-rg --vm-name a --name d1",
      "disk create --resource-group other --name loose --size-gb 32 --sku Standard_LRS",
      "snapshot create --resource-group old-rg --name d1-before --source d1",
    ] {
      let result = original.simulator.run(line.split(separator: " ").map(String.init))
      #expect(result.exitCode == 0, "\(line): \(result.stderr)")
    }
    let state = try LiveState.fetch(from: SimulatorBackend(simulator: original.simulator))
    let copy = try simulator()
    for line in Transcript.stateCommands(state) {
      let result = copy.simulator.run(line.split(separator: " ").map(String.init))
      #expect(result.exitCode == 0, "\(line): \(result.stderr)")
    }
    let made = try LiveState.fetch(from: SimulatorBackend(simulator: copy.simulator))
    let shape: (LiveState) -> [String] = { s in
      s.groups.map { "g \($0.name) \($0.location)" }
        + s.vms.map {
          "vm \($0.name) \($0.resourceGroup) \($0.location) \($0.size) \($0.powerState)"
        }
        + s.storageAccounts.map { "st \($0.name) \($0.resourceGroup) \($0.location) \($0.sku)" }
        + s.disks.filter { !$0.name.contains("_OsDisk_") }.map {
          "disk \($0.name) \($0.resourceGroup) \($0.sizeGB) \($0.sku) \($0.managedBy.map { ($0 as NSString).lastPathComponent } ?? "-")"
        }
        + s.snapshots.map {
          "snapshot \($0.name) \($0.resourceGroup) \($0.location) \($0.sizeGB) \($0.sourceDisk ?? "-")"
        }
    }
    #expect(shape(made).sorted() == shape(state).sorted())
    #expect(shape(made).count == 2 + 2 + 1 + 2 + 1)
  }

  private func simulator() throws -> (folder: TemporaryFolder, simulator: AzureSimulator) {
    let folder = TemporaryFolder()
    let clock = ManualClock()
    let simulator = try AzureSimulator(
      folder: folder.file("sim"), clock: clock, sleeper: ClockSleeper(clock: clock),
      ids: SequentialIDGenerator(), faults: nil)
    return (folder, simulator)
  }

  @Test func aFailingStartingStateNamesItsLine() throws {
    let transcript = try Transcript(
      parsing:
        "azlin> list vms\n-- state --\naz group create --name ok-rg --location eastus\naz vm start --resource-group nope --name x\n"
    )
    #expect(throws: SandboxSetupError.self) {
      try TranscriptReplayer(version: "test").replay(transcript, path: "t")
    }
  }

  @Test func junitXMLIsWellFormedAndCountsFailures() throws {
    let result = TranscriptSuite.Result(
      passed: false, files: 2, failures: 1, turns: 5, report: [],
      cases: [
        TranscriptSuite.Case(
          file: "transcripts/a.transcript", turns: 3, seconds: 0.25, failure: nil),
        TranscriptSuite.Case(
          file: "transcripts/b <&>.transcript", turns: 2, seconds: 0.5,
          failure: ["  azlin> list \"vms\"", "  -a & b", "  +a < b\u{1}"]),
      ])
    let xml = JUnitReport.xml(result)
    let document = try XMLDocument(xmlString: xml)
    let suites = try #require(document.rootElement())
    #expect(suites.name == "testsuites")
    #expect(suites.attribute(forName: "tests")?.stringValue == "2")
    #expect(suites.attribute(forName: "failures")?.stringValue == "1")
    let cases = try document.nodes(forXPath: "//testcase")
    #expect(cases.count == 2)
    let failure = try #require(try document.nodes(forXPath: "//failure").first)
    #expect(failure.stringValue?.contains("-a & b") == true)
    #expect(failure.stringValue?.contains("+a < b") == true)
    #expect(
      (try document.nodes(forXPath: "//testcase[@name='b <&>.transcript']")).count == 1)
  }

  @Test func aSuiteReportsCountsAndCasesForEveryFile() throws {
    let folder = TemporaryFolder()
    try AtomicFile.write(
      "azlin> /clear\nConversation context cleared.\n", to: folder.file("a.transcript"))
    try AtomicFile.write("azlin> /clear\nwrong\n", to: folder.file("b.transcript"))
    let result = TranscriptSuite(version: "test").run(paths: [folder.path], update: false)
    #expect(!result.passed)
    #expect(
      result.cases.map { ($0.file as NSString).lastPathComponent } == [
        "a.transcript", "b.transcript",
      ])
    #expect(result.cases.map { $0.failure == nil } == [true, false])
    #expect(result.report.last == "1 passed, 1 failed")
  }
}
