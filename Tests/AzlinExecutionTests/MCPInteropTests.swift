import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinSimulator
import AzlinTestSupport
import Foundation
import Testing

@testable import AzlinExecution

/// The MCP strategy against a real MCP server written with the Python `mcp` package
/// (`Tests/MCP/azure_mcp_server.py`), started by the test over stdio. Its tools run
/// `azlin sim`, so a step executed through MCP changes the same simulated Azure that the
/// Azure CLI strategy and the checks read here. The server has no disk tools: disk steps go
/// through its az pass-through.
///
/// Runs when `AZLIN_TEST_PYTHON` names a python with `mcp` and the azlin executable is found.
@Suite("MCP interop", .enabled(if: TestPrograms.haveBoth), .serialized)
struct MCPInteropTests {
  final class Rig: @unchecked Sendable {
    let folder = TemporaryFolder()
    let time: ModelledTime
    let backend: SimulatorBackend
    let audit: AuditLog
    let store: ObjectiveStore
    let environment: [String: String]

    init(faults: String? = nil) throws {
      let home = AzlinHome(root: folder.path)
      try home.prepare()
      time = ModelledTime(offsetFile: home.simulatorClockOffset, realFactor: 0)
      backend = SimulatorBackend(
        simulator: try AzureSimulator(
          folder: home.simulatorFolder, clock: time, sleeper: time, ids: RandomIDGenerator(),
          faults: faults))
      audit = AuditLog(path: home.auditLog, session: "s", clock: time)
      store = ObjectiveStore(folder: home.objectivesFolder)
      var environment = [
        "AZLIN_HOME": home.root, "AZLIN_BIN": TestPrograms.azlin ?? "",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      ]
      environment["AZLIN_SIM_FAULTS"] = faults
      self.environment = environment
    }

    func server(_ name: String = "py", script: String = "Tests/MCP/azure_mcp_server.py")
      -> MCPStrategy
    {
      MCPStrategy(
        server: MCPServerSettings(
          name: name, command: TestPrograms.python ?? "python3",
          args: [TestPrograms.repositoryFile(script)]),
        environment: environment, clock: time, callTimeout: 60)
    }

    func execute(_ steps: [ExecutableStep], through mcp: MCPStrategy) throws -> (
      [Int: PlanExecutor.StepOutcome], Objective
    ) {
      let selector = StrategySelector(azureCLI: AzureCLIStrategy(backend: backend), mcp: [mcp])
      var objective = Objective(
        id: "o1", session: "s", naturalLanguage: "interop", intents: [], plan: [],
        strategy: mcp.name, costEstimate: nil, at: time.now)
      let outcomes = try PlanExecutor(
        backend: backend, strategies: selector, audit: audit, store: store, clock: time,
        sleeper: time, random: FixedRandomSource()
      ).execute(steps, approved: Set(steps.map(\.number)), objective: &objective) { _, _ in }
      return (outcomes, objective)
    }
  }

  static func step(_ n: Int, _ operation: AzureOperation, after: [Int] = []) -> ExecutableStep {
    ExecutableStep(
      number: n, summary: "step \(n)", operation: operation, dependsOn: after, change: nil)
  }

  static let build = [
    step(1, .groupCreate(name: "interop-rg", location: "eastus")),
    step(
      2,
      .vmCreate(
        name: "sam", group: "interop-rg", location: "eastus", size: "Standard_B2s",
        image: "Ubuntu2204"), after: [1]),
    step(
      3,
      .diskCreate(
        name: "sam-data1", group: "interop-rg", location: "eastus", sizeGB: 64, sku: "Premium_LRS"),
      after: [1]),
    step(4, .diskAttach(disk: "sam-data1", vm: "sam", group: "interop-rg"), after: [2, 3]),
  ]

  static func via(_ outcome: PlanExecutor.StepOutcome?) -> String {
    if case .succeeded(_, let via) = outcome { return via }
    return "not succeeded: \(String(describing: outcome))"
  }

  @Test func stepsRunThroughTheServersToolsAndItsPassThrough() async throws {
    let rig = try Rig()
    let mcp = rig.server()
    defer { mcp.close() }
    #expect(
      try await onOwnThread { mcp.availability() }
        == .available("17 tools, with an az pass-through"))
    let (outcomes, objective) = try await onOwnThread { try rig.execute(Self.build, through: mcp) }
    #expect(Self.via(outcomes[1]) == "mcp:py (azmcp_group_create)")
    #expect(Self.via(outcomes[2]) == "mcp:py (azmcp_compute_vm_create)")
    #expect(Self.via(outcomes[3]) == "mcp:py (azmcp_extension_az)")
    #expect(Self.via(outcomes[4]) == "mcp:py (azmcp_extension_az)")
    #expect(objective.status == .completed)
    // The same simulated Azure shows it all.
    let live = try LiveState.fetch(from: rig.backend)
    #expect(live.vms.map(\.name) == ["sam"])
    #expect(live.disks.first { $0.name == "sam-data1" }?.managedBy?.hasSuffix("/sam") == true)
  }

  @Test func annotationsMarkDestructiveTools() async throws {
    let rig = try Rig()
    let mcp = rig.server()
    defer { mcp.close() }
    let (delete, create) = try await onOwnThread {
      (
        mcp.route(for: Self.step(1, .vmDelete(name: "sam", group: "rg"))),
        mcp.route(for: Self.build[1])
      )
    }
    #expect(delete?.detail == "azmcp_compute_vm_delete")
    #expect(delete?.destructive == true)
    #expect(create?.detail == "azmcp_compute_vm_create")
    #expect(create?.destructive == false)
  }

  @Test func anErrorThroughTheServerFallsBackToTheAzureCLI() async throws {
    let rig = try Rig(faults: "vm create=AuthorizationFailed*1")
    let mcp = rig.server()
    defer { mcp.close() }
    let (outcomes, objective) = try await onOwnThread {
      try rig.execute(Array(Self.build.prefix(2)), through: mcp)
    }
    #expect(Self.via(outcomes[1]) == "mcp:py (azmcp_group_create)")
    #expect(Self.via(outcomes[2]) == "azure-cli")
    #expect(
      objective.executionResults.map { "\($0.step) \($0.errorCode ?? "ok")" } == [
        "1 ok", "2 AuthorizationFailed", "2 ok",
      ])
  }

  @Test func aServerThatDiesIsUnavailableWithTheReason() async throws {
    let rig = try Rig()
    let dead = MCPStrategy(
      server: MCPServerSettings(
        name: "dead", command: TestPrograms.python ?? "python3",
        args: ["-c", "import sys; sys.exit(3)"]),
      environment: rig.environment, clock: rig.time)
    #expect(
      try await onOwnThread { dead.availability() }
        == .unavailable("MCP server dead exited with status 3"))
    let (outcomes, _) = try await onOwnThread {
      try rig.execute(Array(Self.build.prefix(1)), through: dead)
    }
    #expect(Self.via(outcomes[1]) == "azure-cli")
    let missing = MCPStrategy(
      server: MCPServerSettings(name: "gone", command: "no-such-mcp-server"),
      environment: rig.environment, clock: rig.time)
    #expect(
      try await onOwnThread { missing.availability() }
        == .unavailable("no-such-mcp-server is not installed or not on PATH"))
  }
}
