import AzlinAzure
import AzlinCore
import AzlinPlanning
import Testing

@Suite struct CommandPlannerTests {
  let planner = CommandPlanner(defaults: AzlinConfig.Defaults())
  let live = LocalIntentParserTests.live

  func intent(
    _ kind: IntentKind, names: [String] = [], region: String? = nil, size: String? = nil,
    group: String? = nil
  ) -> Intent {
    var p = IntentParameters()
    p.names = names
    p.region = region
    p.size = size
    p.resourceGroup = group
    return Intent(kind: kind, parameters: p)
  }

  @Test func createsTheMissingGroupBeforeTheVM() throws {
    let outcome = planner.plan(
      [intent(.provisionVM, names: ["app"], region: "westus2", group: "new-rg")], live: live,
      context: .init())
    guard case .plan(let plan) = outcome else {
      Issue.record("expected a plan, got \(outcome)")
      return
    }
    #expect(
      plan.steps.map(\.command.arguments) == [
        [
          "group", "create", "--name", "new-rg", "--location", "westus2", "--tags",
          "managed-by=azlin",
        ],
        [
          "vm", "create", "--resource-group", "new-rg", "--name", "app", "--location", "westus2",
          "--size", "Standard_B2s",
          "--image", "Ubuntu2204", "--admin-username", "azureuser", "--generate-ssh-keys",
          "--os-disk-delete-option", "Delete", "--nic-delete-option", "Delete", "--tags",
          "managed-by=azlin",
        ],
      ])
    #expect(plan.steps[1].dependsOn == [1])
    #expect(
      plan.steps[1].undo?.arguments == [
        "vm", "delete", "--resource-group", "new-rg", "--name", "app", "--yes",
      ])
    #expect(plan.assumptions == [.size("Standard_B2s"), .image("Ubuntu2204")])
  }

  @Test func usesTheExistingGroupsRegionAndListsDefaults() throws {
    guard
      case .plan(let plan) = planner.plan(
        [intent(.provisionVM, names: ["app"])], live: live, context: .init())
    else {
      Issue.record("expected a plan")
      return
    }
    #expect(plan.steps.count == 1)
    #expect(plan.steps[0].resource.location == "eastus")
    #expect(
      plan.assumptions == [.resourceGroup("azlin-rg"), .size("Standard_B2s"), .image("Ubuntu2204")])
  }

  @Test func skipsWhatAlreadyHolds() {
    #expect(
      planner.plan([intent(.stopVM, names: ["web2"])], live: live, context: .init())
        == .nothingToDo([.alreadyInState(vm: "web2", state: "stopped")]))
  }

  @Test func asksWhichVMWhenAmbiguous() {
    guard case .question(let q) = planner.plan([intent(.stopVM)], live: live, context: .init())
    else {
      Issue.record("expected a question")
      return
    }
    #expect(q.kind == .whichVM(options: ["sam", "web1", "web2"]))
  }

  @Test func offersAnotherNameOnConflict() {
    guard
      case .question(let q) = planner.plan(
        [intent(.provisionVM, names: ["sam"])], live: live, context: .init())
    else {
      Issue.record("expected a question")
      return
    }
    #expect(q.kind == .useOtherName(taken: "sam", suggestion: "sam-2"))
  }

  @Test func refusesNamesAzureWouldReject() {
    guard
      case .refused(.invalidName(let rule)) = planner.plan(
        [intent(.provisionVM, names: ["my vm!"])], live: live, context: .init())
    else {
      Issue.record("expected a naming refusal")
      return
    }
    #expect(rule.contains("my vm!"))
  }

  @Test func refusesWhatDoesNotExist() {
    #expect(
      planner.plan([intent(.deleteVM, names: ["ghost"])], live: live, context: .init())
        == .refused(.vmNotFound("ghost", group: nil)))
  }

  @Test func deleteIsADestroyStepWithoutUndo() throws {
    guard
      case .plan(let plan) = planner.plan(
        [intent(.deleteVM, names: ["sam"])], live: live, context: .init())
    else {
      Issue.record("expected a plan")
      return
    }
    #expect(plan.steps.map(\.action) == [.destroy])
    #expect(plan.steps[0].undo == nil)
  }
}
