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
      let target = StepTarget(argv: step.argv)
      switch target.state(in: live) {
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
            kind: target.kind, name: target.name, resourceGroup: target.group,
            change: step.action == "create" ? "created" : "changed", before: nil,
            after: target.expectedState,
            undoArgv: undo))
      }
    }
    let remaining = objective.plan.map(\.number).filter { !done.contains($0) }
    return Finding(
      objective: objective, done: done.sorted(), remaining: remaining, inProgress: underWay)
  }
}

/// What an az command line is about, read back from its argv.
public struct StepTarget {
  var verb: String
  var kind: String
  var name: String
  var group: String
  var size: String?
  /// The VM of a disk attach or detach.
  var vmName: String?
  /// The arguments after `az`, for the flags only some verbs have.
  var words: [String]

  /// The value after the first of `flags`.
  func value(_ flags: String...) -> String? {
    for (i, w) in words.enumerated() where flags.contains(w) && i + 1 < words.count {
      return words[i + 1]
    }
    return nil
  }

  public init(argv: [String]) {
    let words = argv.first == "az" ? Array(argv.dropFirst()) : argv
    self.words = words
    verb = words.prefix(while: { !$0.hasPrefix("-") }).joined(separator: " ")
    func value(_ flags: String...) -> String? {
      for (i, w) in words.enumerated() where flags.contains(w) && i + 1 < words.count {
        return words[i + 1]
      }
      return nil
    }
    switch verb {
    case _ where verb.hasPrefix("group"): kind = "group"
    case _ where verb.hasPrefix("storage account"): kind = "storage"
    case _ where verb.hasPrefix("disk"): kind = "disk"
    case _ where verb.hasPrefix("snapshot"): kind = "snapshot"
    case "vm disk attach", "vm disk detach": kind = "attachment"
    default: kind = "vm"
    }
    name = value("--name", "-n") ?? ""
    vmName = value("--vm-name")
    group = kind == "group" ? name : (value("--resource-group", "-g") ?? "")
    size = value("--size")
  }

  /// The state a VM is in after this step, for the drift check of undo.
  var expectedState: String? {
    switch verb {
    case "vm start", "vm restart": return "running"
    case "vm stop": return "stopped"
    case "vm deallocate": return "deallocated"
    case "vm resize": return size
    case "vm disk attach", "vm disk detach": return vmName
    default: return nil
    }
  }

  /// Where a step stands in live state.
  enum State { case done, underWay, notDone }

  /// Done when live state shows the step's effect with nothing left under way; under way
  /// when its resource is still being created, updated or deleted.
  func state(in live: LiveState) -> State {
    let busy: String?
    switch kind {
    case "vm": busy = vm(in: live)?.provisioningState
    case "storage": busy = live.storageAccounts(named: name).first?.provisioningState
    case "disk", "attachment":
      busy = live.disks.first { $0.name.lowercased() == name.lowercased() }?.provisioningState
    case "snapshot": busy = snapshot(in: live)?.provisioningState
    default: busy = nil
    }
    if let busy, Self.underWay.contains(busy.lowercased()) { return .underWay }
    if kind == "attachment", let vmName,
      let vm = live.vms.first(where: {
        $0.name.lowercased() == vmName.lowercased()
          && $0.resourceGroup.lowercased() == group.lowercased()
      }), Self.underWay.contains(vm.provisioningState.lowercased())
    {
      return .underWay
    }
    return holds(in: live) ? .done : .notDone
  }

  /// Provisioning states of an operation still running.
  static let underWay: Set<String> = [
    "creating", "updating", "deleting", "accepted", "provisioning", "migrating", "resolvingdns",
  ]

  func snapshot(in live: LiveState) -> LiveState.Snapshot? {
    live.snapshots.first {
      $0.name.lowercased() == name.lowercased()
        && $0.resourceGroup.lowercased() == group.lowercased()
    }
  }

  func vm(in live: LiveState) -> LiveState.VM? {
    live.vms.first {
      $0.name.lowercased() == name.lowercased()
        && $0.resourceGroup.lowercased() == group.lowercased()
    }
  }

  /// What the step is about, as the user reads it: "VM r2 (Creating)".
  public func describe(in live: LiveState) -> String {
    let noun =
      ["vm": "VM", "storage": "storage account", "disk": "disk", "group": "group"][kind]
      ?? kind
    let state =
      kind == "vm"
      ? vm(in: live)?.provisioningState
      : kind == "snapshot"
        ? snapshot(in: live)?.provisioningState
        : live.disks.first { $0.name.lowercased() == name.lowercased() }?.provisioningState
    return "\(noun) \(name)" + (state.map { " (\($0))" } ?? "")
  }

  /// True when live state shows the step's effect.
  func holds(in live: LiveState) -> Bool {
    let vm = vm(in: live)
    switch verb {
    case "group create": return live.group(named: name) != nil
    case "group delete": return live.group(named: name) == nil
    case "vm create": return vm != nil
    case "vm delete": return vm == nil
    case "vm resize": return vm?.size.lowercased() == size?.lowercased()
    case "storage account create": return !live.storageAccounts(named: name).isEmpty
    case "storage account delete": return live.storageAccounts(named: name).isEmpty
    case "disk create": return live.disks.contains { $0.name.lowercased() == name.lowercased() }
    case "disk delete": return !live.disks.contains { $0.name.lowercased() == name.lowercased() }
    case "snapshot create": return snapshot(in: live) != nil
    case "snapshot delete": return snapshot(in: live) == nil
    case "vm disk attach", "vm disk detach":
      let disk = live.disks.first { $0.name.lowercased() == name.lowercased() }
      let owner = disk?.managedBy?.split(separator: "/").last.map { $0.lowercased() }
      return verb == "vm disk attach"
        ? owner == vmName?.lowercased() : (disk != nil && owner == nil)
    case "network nsg rule create", "network nsg rule delete":
      let nsg = value("--nsg-name")?.lowercased()
      let present =
        live.securityGroups.first {
          $0.name.lowercased() == nsg && $0.resourceGroup.lowercased() == group.lowercased()
        }?.rules.contains { $0.name.lowercased() == name.lowercased() } == true
      return verb == "network nsg rule create" ? present : !present
    case "vm auto-shutdown":
      guard let vm else { return false }
      return vm.autoShutdownUTC == value("--time")
    case "vm update", "group update", "disk update", "storage account update":
      return tagsHold(in: live)
    default:
      guard let vm, let state = expectedState else { return false }
      return vm.powerState == state
    }
  }
}
