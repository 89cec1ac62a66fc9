import AzlinAzure
import AzlinCore
import AzlinLedger

/// Finds objectives a killed session left `in_progress`, and settles what they did.
///
/// A step may have finished in Azure after the last write of its objective (the shell
/// was killed in between). Recovery compares each unrecorded step with live state,
/// provisioning state included: a VM that exists and has `Succeeded` was created, a stopped
/// VM was stopped; one still `Creating` (or `Updating`, `Deleting`) is under way, not done.
/// Done steps are recorded with their undo commands, so `/resume` runs only what is left
/// (after waiting out what is under way) and `/undo` removes all that the objective did.
public struct ObjectiveRecovery: Sendable {
  public init() {}

  /// What recovery found for one objective.
  public struct Finding: Equatable, Sendable {
    public var objective: Objective
    /// Step numbers done (recorded, or seen in live state).
    public var done: [Int]
    /// Step numbers still to run (those under way included).
    public var remaining: [Int]
    /// Step numbers whose operation is still under way in Azure (a VM still `Creating`).
    public var inProgress: [Int] = []
  }

  /// The objectives of other sessions still `in_progress`, settled against `live`.
  public func interrupted(_ objectives: [Objective], currentSession: String, live: LiveState)
    -> [Finding]
  {
    objectives.filter { $0.status == .inProgress && $0.session != currentSession }.map {
      settle($0, live: live)
    }
  }

  /// Records as done the steps that live state shows were carried out.
  public func settle(_ original: Objective, live: LiveState) -> Finding {
    var objective = original
    var done = Set(objective.executionResults.filter { $0.exitCode == 0 }.map(\.step))
    var underWay: [Int] = []
    for step in objective.plan where !done.contains(step.number) {
      // A step no operation can be read from stays not done (/resume refuses, naming it).
      guard let operation = step.recordedOperation else { continue }
      switch operation.state(in: live) {
      case .notDone: continue
      case .underWay:
        underWay.append(step.number)
        continue
      case .done: break
      }
      done.insert(step.number)
      objective.executionResults.append(
        Objective.StepResult(
          step: step.number, argv: step.argv, exitCode: 0, durationMs: 0, errorCode: nil,
          message: "seen done in live state after an interruption"))
      if let undo = step.undoArgv {
        objective.resourcesCreated.append(
          Objective.ResourceChange(
            kind: operation.kind, name: operation.name, resourceGroup: operation.group,
            change: step.action == "create" ? "created" : "changed", before: nil,
            after: operation.expectedState, undoArgv: undo, undoOperation: step.recordedUndo))
      }
    }
    let remaining = objective.plan.map(\.number).filter { !done.contains($0) }
    return Finding(
      objective: objective, done: done.sorted(), remaining: remaining, inProgress: underWay)
  }
}
