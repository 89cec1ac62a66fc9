import AzlinAzure
import AzlinCore
import AzlinPlanning
import Testing

/// The planner asks whether a new storage account's name is free (the names are global across
/// Azure) while it plans, so a plan is made once.
@Suite struct StorageNamePlanningTests {
  let live = LocalIntentParserTests.live

  func createStorage(named name: String?) -> Intent {
    var p = IntentParameters()
    p.names = name.map { [$0] } ?? []
    p.region = "eastus"
    p.resourceGroup = "new-rg"
    return Intent(kind: .createStorage, parameters: p)
  }

  /// The storage account step of `outcome`'s plan: its name and the plan's assumptions.
  func storage(_ outcome: PlanningOutcome) -> (name: String, assumptions: [Assumption])? {
    guard case .plan(let plan) = outcome,
      let step = plan.steps.first(where: { $0.resource.kind == .storageAccount })
    else { return nil }
    return (step.resource.name, plan.assumptions)
  }

  @Test func aMadeUpNameHeldElsewhereMovesOnToTheNextFreeOne() throws {
    let plain = CommandPlanner(defaults: AzlinConfig.Defaults())
    let first = try #require(
      storage(plain.plan([createStorage(named: nil)], live: live, context: .init())))
    let stem = String(first.name.dropLast())
    var asked: [String] = []
    var planner = plain
    planner.isStorageNameFree = { name in
      asked.append(name)
      return name != first.name && name != stem + "2"
    }
    let made = try #require(
      storage(planner.plan([createStorage(named: nil)], live: live, context: .init())))
    #expect(made.name == stem + "3")
    #expect(made.assumptions.contains(.generatedName(stem + "3")))
    #expect(!made.assumptions.contains(.generatedName(first.name)))
    #expect(asked == [first.name, stem + "2", stem + "3"])
  }

  @Test func aChosenNameHeldElsewhereIsRefused() {
    var planner = CommandPlanner(defaults: AzlinConfig.Defaults())
    planner.isStorageNameFree = { $0 != "azlinshared1" }
    let outcome = planner.plan([createStorage(named: "azlinshared1")], live: live, context: .init())
    guard case .refused(.storageNameTaken(let name)) = outcome else {
      Issue.record("expected a refusal, got \(outcome)")
      return
    }
    #expect(name == "azlinshared1")
  }

  @Test func withoutTheQuestionTheNameIsTakenAsFree() throws {
    let planner = CommandPlanner(defaults: AzlinConfig.Defaults())
    let made = try #require(
      storage(planner.plan([createStorage(named: "azlinshared1")], live: live, context: .init())))
    #expect(made.name == "azlinshared1")
  }
}
