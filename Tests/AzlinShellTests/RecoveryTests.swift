import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import Foundation
import Testing

@testable import AzlinConversation

/// Issue 13, item 9: recovery that tells the truth. (`transcripts/recovery-truth.transcript`
/// shows a VM still `Creating` waited out by /resume.)
@Suite struct RecoveryTests {
  static func step(_ n: Int, _ argv: String, undo: String, after: [Int]) -> Objective.Step {
    Objective.Step(
      number: n, action: "create", summary: "step \(n)",
      argv: ["az"] + argv.split(separator: " ").map(String.init),
      undoArgv: ["az"] + undo.split(separator: " ").map(String.init), dependsOn: after)
  }

  static let plan = [
    step(
      1, "group create --name rg5 --location eastus", undo: "group delete --name rg5 --yes",
      after: []),
    step(
      2,
      "vm create --resource-group rg5 --name s1 --location eastus --size Standard_B2s --image Ubuntu2204",
      undo: "vm delete --resource-group rg5 --name s1 --yes", after: [1]),
    step(
      3,
      "vm create --resource-group rg5 --name s2 --location eastus --size Standard_B2s --image Ubuntu2204",
      undo: "vm delete --resource-group rg5 --name s2 --yes", after: [2]),
  ]

  @Test func aCreatingVMIsUnderWayNotDone() {
    let objective = Objective(
      id: "o1", session: "dead", naturalLanguage: "x", intents: [], plan: Self.plan,
      strategy: "azure-cli", costEstimate: nil, at: Date(timeIntervalSince1970: 0))
    let live = LiveState(
      groups: [.init(name: "rg5", location: "eastus")],
      vms: [
        .init(
          name: "s1", resourceGroup: "rg5", location: "eastus", size: "Standard_B2s",
          powerState: "starting", id: "/x/s1", provisioningState: "Creating")
      ])
    let finding = ObjectiveRecovery().settle(objective, live: live)
    #expect(finding.done == [1])
    #expect(finding.inProgress == [2])
    #expect(finding.remaining == [2, 3])
    #expect(finding.objective.resourcesCreated.map(\.name) == ["rg5"])
  }

  /// At start, an objective a killed shell left is announced with what is really done: a VM
  /// still Creating is named as under way, not counted.
  @Test func theInterruptedAnnouncementCountsOnlyWhatIsDone() throws {
    let sandbox = try ShellSandbox(version: "test")
    defer { sandbox.close() }
    _ = sandbox.az("group create -n rg5 -l eastus")
    _ = sandbox.az(
      "vm create -g rg5 -n s1 --image Ubuntu2204 --size Standard_B2s --no-wait")
    var objective = Objective(
      id: "0000beef-0000-4000-8000-00000000dead", session: "killed",
      naturalLanguage: "create rg5 with s1 then s2", intents: [], plan: Self.plan,
      strategy: "azure-cli", costEstimate: nil, at: Date(timeIntervalSince1970: 0))
    try objective.move(to: .inProgress, at: Date(timeIntervalSince1970: 0))
    try sandbox.session.store.save(objective)
    sandbox.session.refreshLive()
    sandbox.session.announceInterrupted()
    let said = sandbox.output.take().joined(separator: "\n")
    #expect(said.contains("interrupted with 1 of 3 steps done"), "\(said)")
    #expect(said.contains("VM s1 (Creating) still under way in Azure"), "\(said)")
  }

  @Test func aConflictWithAnOperationInProgressIsRetriedAndANameConflictIsNot() {
    let busy = AzError(
      code: "Conflict",
      message:
        "Operation 'start' is not allowed on VM 's1' while another operation on it is in progress (create); wait for it to complete."
    )
    #expect(FailureClass(busy).retriable)
    #expect(!FailureClass(AzError(code: "Conflict", message: "The VM name s1 exists.")).retriable)
  }

  /// Ctrl-C after two of three steps, then "n" to the rollback offer: the shell says what was
  /// kept (never "nothing was changed"), and /resume finishes the objective.
  @Test func aStoppedRunIsKeptTruthfullyAndCanBeResumed() throws {
    let sandbox = try ShellSandbox(version: "test")
    defer { sandbox.close() }
    let session = sandbox.session
    var objective = Objective(
      id: "0000beef-0000-4000-8000-00000000f00d", session: session.sessionID,
      naturalLanguage: "create rg5 with s1 then s2", intents: [], plan: Self.plan,
      strategy: "azure-cli", costEstimate: nil, at: Date(timeIntervalSince1970: 0))
    try session.store.save(objective)
    final class Counter: @unchecked Sendable { var checks = 0 }
    let counter = Counter()
    let outcomes = try session.executor.execute(
      Self.plan.compactMap { ExecutableStep(recorded: $0) }, approved: [1, 2, 3],
      objective: &objective,
      cancelled: {
        counter.checks += 1
        return counter.checks > 2
      }, progress: { _, _ in })
    #expect(outcomes[3] == .cancelled)
    #expect(objective.status == .inProgress)
    #expect(objective.resourcesCreated.count == 2)
    session.refreshLive()
    session.offerRollbackAfterStop(objective)
    _ = sandbox.output.take()
    session.handle("n")
    let said = sandbox.output.take().joined(separator: "\n")
    #expect(!said.contains("nothing was changed"), "\(said)")
    #expect(said.contains("the 2 changes objective 0000f00d made are kept"), "\(said)")
    #expect(said.contains("/resume 0000f00d runs the 1 step not done"), "\(said)")
    session.handle("/resume f00d")
    let resumed = sandbox.output.take().joined(separator: "\n")
    #expect(resumed.contains("1 step left"), "\(resumed)")
    #expect(resumed.contains("Done (objective 0000f00d)"), "\(resumed)")
    #expect(sandbox.simulator.run(["vm", "show", "-g", "rg5", "-n", "s2"]).exitCode == 0)
  }

  /// An older objective whose step azlin cannot read back as an operation is not resumed
  /// around the gap: it is refused, naming the step, and nothing runs.
  @Test func aStepNoOperationCanBeReadFromStopsTheResume() throws {
    let sandbox = try ShellSandbox(version: "test")
    defer { sandbox.close() }
    var plan = Self.plan
    plan[0] = Objective.Step(
      number: 1, action: "create", summary: "a network",
      argv: ["az", "network", "vnet", "create", "--name", "v1", "--resource-group", "rg5"],
      undoArgv: nil, dependsOn: [])
    var objective = Objective(
      id: "0000beef-0000-4000-8000-00000000b0a7", session: "killed",
      naturalLanguage: "a network, then s1 and s2", intents: [], plan: plan,
      strategy: "azure-cli", costEstimate: nil, at: Date(timeIntervalSince1970: 0))
    try objective.move(to: .inProgress, at: Date(timeIntervalSince1970: 0))
    try sandbox.session.store.save(objective)
    sandbox.session.refreshLive()
    sandbox.session.handle("/resume b0a7")
    let said = sandbox.output.take().joined(separator: "\n")
    #expect(said.contains("cannot be resumed: its step 1"), "\(said)")
    #expect(sandbox.simulator.run(["group", "show", "-n", "rg5"]).exitCode != 0)
    #expect(try sandbox.session.store.load(id: objective.id).status == .inProgress)
  }
}
