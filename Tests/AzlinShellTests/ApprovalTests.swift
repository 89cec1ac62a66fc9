import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning
import Foundation
import Testing

@testable import AzlinConversation

/// Issue 13, item 3: a create never modifies an existing resource. (Approval re-reading the
/// facts a plan was made on is shown in `transcripts/approval-rechecks.transcript`.)
@Suite struct ApprovalTests {
  /// A VM that appears after approval, right before its create step: the step stops with
  /// ResourceAppeared; the VM keeps its size and tags, and is not recorded as azlin's.
  @Test func aCreateStopsWhenItsResourceAppearedJustBefore() throws {
    let sandbox = try ShellSandbox(version: "test")
    defer { sandbox.close() }
    _ = sandbox.az("group create -n rg -l eastus")
    _ = sandbox.az("vm create -g rg -n a1 --image Ubuntu2204 --size Standard_D2s_v5")
    let step = Objective.Step(
      number: 1, action: "create", summary: "create VM a1",
      argv: [
        "az", "vm", "create", "--resource-group", "rg", "--name", "a1", "--location", "eastus",
        "--size", "Standard_B2s", "--image", "Ubuntu2204", "--tags", "managed-by=azlin",
      ],
      undoArgv: ["az", "vm", "delete", "--resource-group", "rg", "--name", "a1", "--yes"],
      dependsOn: [])
    var objective = Objective(
      id: "o-appeared", session: sandbox.session.sessionID, naturalLanguage: "create a vm a1",
      intents: [], plan: [step], strategy: "azure-cli", costEstimate: nil,
      at: Date(timeIntervalSince1970: 0))
    let outcomes = try sandbox.session.executor.execute(
      [try #require(ExecutableStep(recorded: step))], approved: [1], objective: &objective,
      progress: { _, _ in })
    guard case .failed(let error) = outcomes[1] else {
      Issue.record("the create ran: \(String(describing: outcomes[1]))")
      return
    }
    #expect(error.code == "ResourceAppeared")
    #expect(error.message.contains("VM a1 in rg appeared after the plan was made"))
    #expect(objective.resourcesCreated.isEmpty)
    let shown = sandbox.az("vm show -g rg -n a1").joined()
    #expect(shown.contains("Standard_D2s_v5"))
    #expect(!shown.contains("managed-by"))
  }

  /// Something added to a group after its delete was approved: the delete stops right
  /// before it runs, naming it; nothing is deleted.
  @Test func aGroupDeleteStopsWhenTheGroupGainedSomethingSinceApproval() throws {
    let sandbox = try ShellSandbox(version: "test")
    defer { sandbox.close() }
    _ = sandbox.az("group create -n rg -l eastus")
    _ = sandbox.az("vm create -g rg -n a1 --image Ubuntu2204 --size Standard_B2s")
    sandbox.session.refreshLive()
    let planned = PlanStep(
      reading: .groupDelete(name: "rg"), number: 1, live: sandbox.session.live)
    let step = ExecutableStep(planned, summary: "delete rg", live: sandbox.session.live)
    #expect(step.approvedMembers == ["VM a1"])
    _ = sandbox.az("storage account create -g rg -n late1 -l eastus")
    var objective = Objective(
      id: "o-grew", session: sandbox.session.sessionID, naturalLanguage: "delete rg",
      intents: [], plan: [], strategy: "azure-cli", costEstimate: nil,
      at: Date(timeIntervalSince1970: 0))
    let outcomes = try sandbox.session.executor.execute(
      [step], approved: [1], objective: &objective, progress: { _, _ in })
    guard case .failed(let error) = outcomes[1] else {
      Issue.record("the delete ran: \(String(describing: outcomes[1]))")
      return
    }
    #expect(error.code == "GroupChanged")
    #expect(error.message.contains("storage account late1"))
    #expect(sandbox.simulator.run(["group", "show", "-n", "rg"]).exitCode == 0)
  }
}
