import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning
import Foundation

/// Figure 7: "create 5 VMs" on the simulator clock — `PlanExecutor` with `maxParallel` 4
/// against 1, and one VM alone, in modelled seconds (`ManualClock` delta, `ClockSleeper`).
///
/// The steps are the planner's own for "create 5 vms in rg bench" against a group that exists.
struct ParallelCreateBenchmark {
  let workspace: BenchWorkspace

  static let target = "parallel ≤ 1.2 × one VM"

  func rows() throws -> [BenchTable.Row] {
    let one = try modelledSeconds("create a vm called solo in rg bench", parallel: 1, "one")
    let sequential = try modelledSeconds("create 5 vms in rg bench", parallel: 1, "seq")
    let parallel = try modelledSeconds("create 5 vms in rg bench", parallel: 4, "par")
    let ratio = parallel.seconds / one.seconds
    return [
      BenchTable.Row(
        "7 parallel create",
        "\(parallel.steps) VM creates, PlanExecutor maxParallel 4 vs one VM (ManualClock)",
        "\(Format.modelled(seconds: parallel.seconds)) vs \(Format.modelled(seconds: one.seconds)) "
          + "= \(Format.ratio(ratio)); maxParallel 1: \(Format.modelled(seconds: sequential.seconds))",
        target: Self.target, met: ratio <= 1.2)
    ]
  }

  /// Plans `line` against a simulator holding group `bench`, then runs the plan with
  /// `maxParallel` and returns the modelled seconds it took.
  private func modelledSeconds(_ line: String, parallel: Int, _ name: String) throws -> (
    seconds: Double, steps: Int
  ) {
    let home = AzlinHome(root: try workspace.folder("create-\(name)"))
    try home.prepare()
    let clock = ManualClock()
    let sleeper = ClockSleeper(clock: clock)
    let simulator = try AzureSimulator(
      folder: home.simulatorFolder, clock: clock, sleeper: sleeper, ids: SequentialIDGenerator())
    let backend = SimulatorBackend(simulator: simulator)
    _ = simulator.run(["group", "create", "--name", "bench", "--location", "westus2"])
    let live = try LiveState.fetch(from: backend)
    let context = ConversationContext()
    guard
      case .intents(let intents) = LocalIntentParser().parse(line, context: context, live: live),
      case .plan(let plan) = CommandPlanner(defaults: AzlinConfig.Defaults()).plan(
        intents, live: live, context: context)
    else { throw BenchError("\"\(line)\" did not plan") }
    let steps = plan.steps.map { ExecutableStep($0, summary: "step \($0.number)") }
    let executor = PlanExecutor(
      backend: backend, audit: AuditLog(path: home.auditLog, session: name, clock: clock),
      store: ObjectiveStore(folder: home.objectivesFolder), clock: clock, sleeper: sleeper,
      random: FixedRandomSource(), maxParallel: parallel)
    var objective = Objective(
      id: name, session: name, naturalLanguage: line, intents: [], plan: [],
      strategy: PlanExecutor.strategyName, costEstimate: nil, at: clock.now)
    let before = clock.now
    let outcomes = try executor.execute(
      steps, approved: Set(steps.map(\.number)), objective: &objective, progress: { _, _ in })
    let failed = outcomes.values.filter {
      if case .succeeded = $0 { return false } else { return true }
    }
    guard failed.isEmpty else { throw BenchError("\"\(line)\": \(failed.count) steps failed") }
    return (clock.now.timeIntervalSince(before), steps.count)
  }
}
