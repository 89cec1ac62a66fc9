import AzlinAzure
import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

@testable import AzlinConversation

/// The composition root: `Services.live` and `Services.sandbox`, and the shell twin on top.
@Suite struct ServicesTests {
  /// `config.toml` gives both the settings and `[llm]` (from one read), each with its warnings.
  @Test func liveTakesTheSettingsAndLLMFromOneConfigFile() throws {
    let folder = TemporaryFolder()
    try AtomicFile.write(
      "[defaults]\nregion = \"westeurope\"\n[llm]\nprovider = \"anthropic\"\nmodel = 3\n",
      to: folder.file("config.toml"))
    let (services, warnings, llm) = try Services.live(
      choice: .sim, environment: ["AZLIN_HOME": folder.path, "PATH": ""], interactive: false)
    #expect(services.config.defaults.region == "westeurope")
    #expect(services.backend.kind == .sim)
    #expect(services.simulator != nil)
    #expect(services.context.home.root == folder.path)
    #expect(warnings.contains { $0.hasPrefix("azlin: ") && $0.contains("llm.model") })
    #expect(llm == nil)
  }

  /// An unknown AZLIN_BACKEND stops the start with one line.
  @Test func liveRefusesAnUnknownBackend() {
    let folder = TemporaryFolder()
    #expect(throws: Services.StartError.self) {
      try Services.live(
        choice: nil, environment: ["AZLIN_HOME": folder.path, "AZLIN_BACKEND": "cloud"],
        interactive: false)
    }
  }

  /// The sandbox's session ID is the first ID drawn; the audit log writes as it.
  @Test func sandboxServicesShareOneSessionID() throws {
    let folder = TemporaryFolder()
    let home = AzlinHome(root: folder.file("home"))
    try home.prepare()
    let (services, simulator) = try Services.sandbox(
      home: home, clock: ManualClock(), setup: ["group create --name rg --location eastus"],
      version: "test")
    #expect(services.sessionID == "00000000-0000-4000-8000-000000000001")
    #expect(services.audit.session == services.sessionID)
    #expect(services.ledger.path == home.spendLedger)
    #expect(simulator.run(["group", "list"]).stdout.contains("\"rg\""))
  }

  /// The twin: lines in, what the shell said out; its clock is the session's.
  @Test func theTwinAnswersLinesOnItsInjectedClock() throws {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let twin = try ShellSandbox(version: "test", start: start)
    defer { twin.close() }
    #expect(twin.clock.now == start)
    let said = twin.send("/state")
    #expect(!said.isEmpty)
    twin.clock.advance(by: 60)
    #expect(twin.session.context.clock.now == start + 60)
  }
}
