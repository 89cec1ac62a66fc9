import AzlinAzure
import AzlinCore
import AzlinPlanning

extension TurnEngine {
  /// "delete everything in test-rg": the parser reads a delete of every VM in the group; the
  /// group's data disks (detached, or freed by those deletes) and storage accounts are part
  /// of "everything" too, and are added as destroy steps of their own, each named and
  /// confirmed, rather than left billing unmentioned.
  /// - Returns: True when the widened plan was presented.
  func planEverything(_ intents: [Intent], line: String) -> Bool {
    guard let group = everythingGroup(intents, line: line) else { return false }
    let excluded = Set(intents[0].parameters.excluded.map { $0.lowercased() })
    var plan: Plan
    switch CommandPlanner(defaults: config.defaults).plan(
      intents, live: live, context: conversation)
    {
    case .plan(let p): plan = p
    case .refused(.noVMs): plan = Plan()
    default: return false
    }
    let vmSteps = plan.steps.map(\.number)
    let inGroup: (String) -> Bool = { $0.lowercased() == group.lowercased() }
    var extra: [AzureOperation] = live.disks.filter {
      inGroup($0.resourceGroup) && !PlanStep.isOSDisk($0, in: live)
        && !excluded.contains($0.name.lowercased())
    }.map { .diskDelete(name: $0.name, group: $0.resourceGroup) }
    extra += live.storageAccounts.filter {
      inGroup($0.resourceGroup) && !excluded.contains($0.name.lowercased())
    }.map { .storageDelete(name: $0.name, group: $0.resourceGroup) }
    extra += live.snapshots.filter {
      inGroup($0.resourceGroup) && !excluded.contains($0.name.lowercased())
    }.map { .snapshotDelete(name: $0.name, group: $0.resourceGroup) }
    guard !extra.isEmpty else { return false }
    for operation in extra {
      var step = PlanStep(reading: operation, number: plan.steps.count + 1, live: live)
      // A data disk is free to delete once the VM holding it is gone.
      step.dependsOn = vmSteps
      plan.steps.append(step)
    }
    present(PendingPlan(line: line, intents: intents, plan: plan, estimate: estimate(plan)))
    return true
  }

  /// The group "everything" names: one delete of every VM in one existing group, asked for
  /// with "everything" ("all resources", "all of it").
  func everythingGroup(_ intents: [Intent], line: String) -> String? {
    let words = line.lowercased().split { !$0.isLetter }.map(String.init)
    let everything =
      words.contains("everything")
      || (words.contains("all") && (words.contains("resources") || words.contains("of")))
    guard everything, intents.count == 1, intents[0].kind == .deleteVM,
      intents[0].parameters.all, !intents[0].parameters.hypothetical,
      let named = intents[0].parameters.resourceGroup, let group = live.group(named: named)
    else { return nil }
    return group.name
  }
}
