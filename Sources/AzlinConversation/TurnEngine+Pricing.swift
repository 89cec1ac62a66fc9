import AzlinLedger
import AzlinPlanning

extension TurnEngine {
  /// What `steps` add or save against `live`; a plan shown and then gated in one turn is
  /// priced once.
  func price(_ steps: [PlanStep]) -> CostEstimate {
    if let priced, priced.steps == steps { return priced.estimate }
    let estimate = estimator.estimate(Plan(steps: steps), live: live)
    priced = (steps, estimate)
    return estimate
  }
}
