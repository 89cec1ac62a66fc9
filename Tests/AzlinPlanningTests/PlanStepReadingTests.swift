import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Testing

/// Operations read back as steps (an undo's inverse, an interrupted objective's rest) are
/// priced exactly as the plan that made them.
@Suite struct PlanStepReadingTests {
  let planner = CommandPlanner(defaults: AzlinConfig.Defaults())
  let estimator = CostEstimator()
  static let live = LiveState(
    groups: [.init(name: "azlin-rg", location: "eastus")],
    vms: [
      .init(
        name: "sam", resourceGroup: "azlin-rg", location: "eastus", size: "Standard_B2s",
        powerState: "running", id: ""),
      .init(
        name: "old", resourceGroup: "azlin-rg", location: "eastus", size: "Standard_D2s_v5",
        powerState: "deallocated", id: ""),
    ])

  static func intent(_ kind: IntentKind, _ names: [String], size: String? = nil) -> Intent {
    var p = IntentParameters()
    p.names = names
    p.size = size
    p.resourceGroup = names.isEmpty ? nil : (kind == .provisionVM ? "new-rg" : nil)
    return Intent(kind: kind, parameters: p)
  }

  @Test(arguments: [
    [intent(.provisionVM, ["a", "b"], size: "Standard_D4s_v3")],
    [intent(.deallocateVM, ["sam"])],
    [intent(.startVM, ["old"])],
    [intent(.resizeVM, ["sam"], size: "Standard_D2s_v5")],
    [intent(.deleteVM, ["sam"])],
  ])
  func aPlanReadBackFromItsOperationsCostsTheSame(_ intents: [Intent]) throws {
    guard case .plan(let plan) = planner.plan(intents, live: Self.live, context: .init()) else {
      Issue.record("expected a plan for \(intents)")
      return
    }
    let read = Plan.reading(plan.steps.map(\.azureOperation), live: Self.live)
    #expect(read.steps.map(\.operation) == plan.steps.map(\.operation))
    #expect(read.steps.map(\.command) == plan.steps.map(\.command))
    #expect(
      estimator.estimate(read, live: Self.live) == estimator.estimate(plan, live: Self.live))
  }

  @Test func aDiskTheCatalogueCannotPriceStaysUnknown() {
    let operation = AzureOperation.diskCreate(
      name: "big", group: "azlin-rg", location: "eastus", sizeGB: 32767, sku: "Premium_LRS")
    let plan = Plan.reading([operation], live: Self.live)
    let estimate = estimator.estimate(plan, live: Self.live)
    #expect(estimate.unpriced == ["disk big (Premium_LRS, 32767 GB)"])
    #expect(estimate.totalMonthly == .zero)
  }
}
