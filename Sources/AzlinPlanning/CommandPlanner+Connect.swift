import AzlinAzure
import Foundation

extension CommandPlanner {
  /// Why a request cannot be planned, for `Result`.
  struct PlanRefusal: Error {
    var problem: PlanProblem
  }

  /// The image a VM is created from, in az's spelling: a Linux alias or a URN. A Windows alias
  /// is refused (azlin's VMs are Linux, reached by SSH), and so is anything else — whoever
  /// chose it (a request, an LLM, `[defaults] image`).
  static func usableImage(_ text: String) -> Result<String, PlanRefusal> {
    if let usable = ImageAliases.usable(text) { return .success(usable) }
    if ImageAliases.isWindows(text) || text.lowercased().hasPrefix("win") {
      return .failure(PlanRefusal(problem: .windowsImage(text)))
    }
    return .failure(PlanRefusal(problem: .unknownImage(text)))
  }

  /// The VM a connect or run-command intent is about: the one named (in its group, when one
  /// is named), the one VM there is, or a question when there are several.
  func singleVM(_ intent: Intent, live: LiveState) -> Result<LiveState.VM, PlanRefusal> {
    let p = intent.parameters
    var pool = live.vms
    if let g = p.resourceGroup {
      pool = pool.filter { $0.resourceGroup.lowercased() == g.lowercased() }
    }
    guard let name = p.names.first else {
      if pool.count == 1 { return .success(pool[0]) }
      if pool.isEmpty { return .failure(PlanRefusal(problem: .noVMs)) }
      return .failure(PlanRefusal(problem: .nothingNamed("VM")))
    }
    let matches = pool.filter { $0.name.lowercased() == name.lowercased() }
    guard let vm = matches.first else {
      return .failure(PlanRefusal(problem: .vmNotFound(name, group: p.resourceGroup)))
    }
    return .success(vm)
  }

  /// The question that asks which VM when `intent` names none and several exist, or the
  /// names held in two groups.
  func whichVM(_ intent: Intent, index: Int, of intents: [Intent], live: LiveState)
    -> PlanningOutcome?
  {
    let p = intent.parameters
    var options: [String]
    if let name = p.names.first {
      let matches = live.vms(named: name)
      guard matches.count > 1, p.resourceGroup == nil else { return nil }
      options = matches.map { "\($0.name) in \($0.resourceGroup)" }
    } else {
      options = live.vms.map(\.name)
      guard options.count > 1, p.resourceGroup == nil else { return nil }
    }
    options = Array(options.prefix(10))
    return .question(
      PendingQuestion(kind: .whichVM(options: options), intents: intents, intentIndex: index))
  }

  /// "how do I connect to sam": a report the shell completes with the VM's address and user.
  func connection(_ intent: Intent, live: LiveState) -> PlanningOutcome {
    if let question = whichVM(intent, index: 0, of: [intent], live: live) { return question }
    switch singleVM(intent, live: live) {
    case .success(let vm): return .report(.connect(vm))
    case .failure(let refusal): return .refused(refusal.problem)
    }
  }

  /// "run `df -h` on sam": one step that runs the command line inside a running VM. It changes
  /// the machine in ways azlin cannot see or take back, so it is labelled irreversible and has
  /// no undo.
  func addRunCommand(_ intent: Intent, index: Int, of intents: [Intent], to b: inout PlanBuilder)
    -> PlanningOutcome?
  {
    guard let script = intent.parameters.script, !script.isEmpty else {
      return .refused(.nothingNamed("command"))
    }
    if let question = whichVM(intent, index: index, of: intents, live: b.world) { return question }
    let vm: LiveState.VM
    switch singleVM(intent, live: b.world) {
    case .success(let found): vm = found
    case .failure(let refusal): return .refused(refusal.problem)
    }
    guard vm.powerState == "running" else {
      return .refused(.notRunning(vm: vm.name, state: vm.powerState))
    }
    b.append(
      action: .change, operation: .runCommand(script: script),
      resource: ResourceRef(
        kind: .virtualMachine, name: vm.name, resourceGroup: vm.resourceGroup,
        location: vm.location, size: vm.size),
      azureOperation: .vmRunCommand(name: vm.name, group: vm.resourceGroup, script: script),
      inverse: nil)
    return nil
  }
}

extension PlanStep {
  /// True for a step that runs a command inside a VM: irreversible, so it asks on its own.
  public var runsInsideVM: Bool {
    if case .runCommand = operation { return true } else { return false }
  }
}
