import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning

extension TurnEngine {
  /// The retry policy in `[execution]`.
  var retryPolicy: RetryPolicy {
    var policy = RetryPolicy()
    policy.maxAttempts = config.execution.maxAttempts
    policy.initialDelay = config.execution.initialDelay
    policy.maxDelay = config.execution.maxDelay
    policy.jitter = config.execution.jitter
    return policy
  }

  /// The route each step of `plan` takes first, when it is not the Azure CLI.
  func routes(for plan: Plan) -> [Int: StepRoute] {
    guard !strategies.mcp.isEmpty else { return [:] }
    var routes: [Int: StepRoute] = [:]
    for step in plan.steps {
      let route = strategies.firstRoute(for: ExecutableStep(step, summary: ""))
      if let route, route.strategy != AzureCLIStrategy.strategyName { routes[step.number] = route }
    }
    return routes
  }

  /// The plan strategy that would take `plan` whole, if any.
  func planStrategyName(for plan: Plan) -> String? {
    strategies.planStrategy(for: plan.steps.map { ExecutableStep($0, summary: "") })?.name
  }

  /// Steps that ask on their own: destroy steps, and steps whose tool says it may destroy.
  func stepsThatAsk(_ p: PendingPlan) -> [Int] {
    let routes = routes(for: p.plan)
    return p.plan.steps.filter {
      $0.action == .destroy || routes[$0.number]?.destructive == true || $0.runsInsideVM
    }
    .map(\.number)
  }

  /// `/strategy [auto|az|mcp|terraform]`: shows the strategies in the order they are tried,
  /// or sets which goes first (kept in `config.toml`).
  func strategyCommand(_ args: [String]) {
    if let wanted = args.first?.lowercased() {
      guard let preference = StrategySelector.Preference(rawValue: wanted) else {
        return fail(
          "Unknown strategy \(Messages.clip(wanted, 30)): use one of \(AzlinConfig.strategyPreferences.joined(separator: ", "))."
        )
      }
      if readOnly { return fail(Messages.readOnly("/strategy \(preference.rawValue)")) }
      do {
        try ConfigEditor(path: context.home.configFile).set(
          table: "execution", key: "strategy", value: "\"\(preference.rawValue)\"")
      } catch {
        return fail("Not changed: \(error).")
      }
      strategies.preference = preference
      config.execution.strategy = preference.rawValue
      record(.slash, [("command", .string("strategy \(preference.rawValue)"))])
    }
    say(Messages.strategies(strategies.statuses(), preference: strategies.preference.rawValue))
  }
}
