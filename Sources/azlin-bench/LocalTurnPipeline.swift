import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

/// What the shell does with a request before anything runs, through the public APIs:
/// `LocalIntentParser`, `CommandPlanner`, `CostEstimator` and `BudgetMonitor`.
struct LocalTurnPipeline {
  /// How far a line got.
  enum Outcome: Equatable {
    case notUnderstood
    case question
    case answered
    case planned
  }

  let live: LiveState
  let parser = LocalIntentParser()
  let planner = CommandPlanner(defaults: AzlinConfig.Defaults())
  let estimator = CostEstimator()
  let monitor: BudgetMonitor

  init(live: LiveState) {
    self.live = live
    var budget = AzlinConfig.Budget()
    budget.monthlyLimit = Money(50_000)
    budget.dailyLimit = Money(2_000)
    budget.groupLimits = ["azlin-rg": Money(1_000)]
    monitor = BudgetMonitor(budget: budget)
  }

  /// Nanoseconds spent in each stage, summed over turns.
  struct StageTimes {
    var parse: UInt64 = 0
    var plan: UInt64 = 0
    var price: UInt64 = 0
  }

  /// Parses, plans, prices and checks `line` as a fresh conversation would.
  func turn(_ line: String) -> Outcome {
    var ignored = StageTimes()
    return turn(line, stages: &ignored)
  }

  /// `turn(_:)`, adding the time of each stage to `stages`.
  func turn(_ line: String, stages: inout StageTimes) -> Outcome {
    let context = ConversationContext()
    let parsing = Stopwatch()
    let parsed = parser.parse(line, context: context, live: live)
    stages.parse += parsing.elapsedNanoseconds
    guard case .intents(let intents) = parsed else { return .notUnderstood }
    if let low = intents.map(\.confidence).min(), low < 0.7 { return .question }
    let planning = Stopwatch()
    let outcome = planner.plan(intents, live: live, context: context)
    stages.plan += planning.elapsedNanoseconds
    let pricing = Stopwatch()
    defer { stages.price += pricing.elapsedNanoseconds }
    switch outcome {
    case .plan(let plan):
      let monthly = estimate(plan)
      let group = plan.steps.first(where: { $0.action == .create })?.resource.resourceGroup
      _ = monitor.check(
        .init(
          planMonthly: monthly, runRate: estimator.monthlyRunRate(of: live),
          group: group,
          groupRunRate: group.map { estimator.monthlyRunRate(of: live, group: $0) } ?? .zero)
      )
      return .planned
    case .report(.cost(let q)):
      if let size = q.size {
        _ =
          CostEstimate(
            lines: estimator.vmLines(label: "VM", size: size, region: q.region, count: q.count)
          ).totalMonthly
      } else {
        _ = estimator.monthlyRunRate(of: live)
      }
      return .answered
    case .question:
      return .question
    case .report, .nothingToDo, .refused:
      return .answered
    }
  }

  /// The monthly cost a plan adds or removes, as the shell prices it.
  private func estimate(_ plan: Plan) -> Money {
    estimator.estimate(plan, live: live).totalMonthly
  }
}
