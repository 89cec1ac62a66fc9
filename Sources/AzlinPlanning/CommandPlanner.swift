import AzlinAzure
import AzlinCore
import Foundation

/// Turns intents into a plan, refined against what exists now.
///
/// It creates missing parents (the group before its VM), skips what already holds
/// ("sam is already stopped"), validates names against Azure's rules before any
/// command, checks that sizes are offered in the region, and asks when a request
/// could mean several things.
public struct CommandPlanner: Sendable {
  let catalog: AzureCatalog
  let defaults: AzlinConfig.Defaults
  /// The most VMs one request may create.
  public static let maximumCount = 50
  /// The zone a time said without one is in; the shell sets it from its settings.
  public var timeZone = TimeZone(identifier: "UTC")!
  /// Now, on the shell's clock: which day a time of day is converted on (summer time).
  public var now = Date(timeIntervalSince1970: 0)
  /// Whether a storage account name is free across Azure (the names are global), asked as
  /// each account is planned; nil: not asked (previews). A name the planner made up that is
  /// held elsewhere is replaced by the next free one; a name the user chose is refused.
  nonisolated(unsafe) public var isStorageNameFree: ((String) -> Bool)?

  public init(catalog: AzureCatalog = .bundled, defaults: AzlinConfig.Defaults) {
    self.catalog = catalog
    self.defaults = defaults
  }

  /// Plans `intents` against `live`.
  public func plan(_ intents: [Intent], live: LiveState, context: ConversationContext)
    -> PlanningOutcome
  {
    if intents.allSatisfy({ $0.kind.isReadOnly }), let first = intents.first {
      return report(first, live: live, context: context)
    }
    var builder = PlanBuilder(world: live)
    builder.notes += Self.sizelessResizesAfterSnapshots(intents).map { .resizeNeedsSize(vm: $0) }
    for (index, intent) in intents.enumerated()
    where !intent.kind.isReadOnly && !Self.isSizelessResizeAfterSnapshot(index, in: intents) {
      if let stop = add(intent, index: index, of: intents, to: &builder, context: context) {
        // A question about which VMs is answered into this request: it carries the request.
        if case .question(var q) = stop, q.intents.isEmpty {
          q.intents = intents
          q.intentIndex = index
          return .question(q)
        }
        return stop
      }
    }
    if builder.steps.isEmpty { return .nothingToDo(builder.notes) }
    return .plan(Plan(steps: builder.steps, assumptions: builder.assumptions, notes: builder.notes))
  }

  // MARK: - Read-only answers

  private func report(_ intent: Intent, live: LiveState, context: ConversationContext)
    -> PlanningOutcome
  {
    let p = intent.parameters
    switch intent.kind {
    case .listResourceGroups:
      return .report(.groups(live.groups))
    case .listStorage:
      return .report(.storageAccounts(live.storageAccounts))
    case .listSnapshots:
      return snapshotReport(intent, live: live)
    case .showVM:
      guard let name = p.names.first else { return .report(.vms(live.vms, filter: nil)) }
      guard let vm = live.vms(named: name).first else {
        return .refused(.vmNotFound(name, group: p.resourceGroup))
      }
      return .report(.vm(vm))
    case .listPorts, .showAutoShutdown, .listTagged:
      return devVMReport(intent, live: live, context: context)
    case .costReport:
      let region = p.region ?? context.region ?? defaults.region
      var names = p.names.filter { !live.vms(named: $0).isEmpty }
      // "what does the lab cost": the VMs in that group.
      if p.names.isEmpty, let g = p.resourceGroup {
        names = live.vms.filter { $0.resourceGroup.lowercased() == g.lowercased() }.map(\.name)
      }
      return .report(
        .cost(
          CostQuestion(
            count: p.count ?? 1, size: p.size, region: region, vmNames: names,
            ranking: p.ranking)))
    case .connectVM:
      return connection(intent, live: live)
    default:
      var vms = live.vms
      if let g = p.resourceGroup {
        vms = vms.filter { $0.resourceGroup.lowercased() == g.lowercased() }
      }
      if let s = p.powerState { vms = vms.filter { Self.vm($0, isIn: s) } }
      return .report(.vms(vms, filter: p.powerState))
    }
  }

  // MARK: - Changes

  private func add(
    _ intent: Intent, index: Int, of intents: [Intent], to b: inout PlanBuilder,
    context: ConversationContext
  )
    -> PlanningOutcome?
  {
    let p = intent.parameters
    switch intent.kind {
    case .createResourceGroup:
      let name = p.names.first ?? p.resourceGroup ?? defaults.resourceGroup
      if p.names.isEmpty && p.resourceGroup == nil { b.assume(.resourceGroup(name)) }
      if let problem = Self.nameViolation(name, as: .resourceGroup) {
        return .refused(.invalidName(problem))
      }
      guard let region = resolveRegion(p.region, fallback: context.region, builder: &b) else {
        return .refused(.unknownRegion(p.region ?? ""))
      }
      if b.world.group(named: name) != nil {
        b.notes.append(.groupExists(name))
        return nil
      }
      b.addGroup(name: name, location: region)
      return nil

    case .deleteResourceGroup:
      guard let name = p.names.first ?? p.resourceGroup else {
        return .refused(.nothingNamed("resource group"))
      }
      guard let group = b.world.group(named: name) else { return .refused(.groupNotFound(name)) }
      let count = b.world.vms.filter { $0.resourceGroup.lowercased() == group.name.lowercased() }
        .count
      b.append(
        action: .destroy, operation: .deleteGroup(resourceCount: count),
        resource: ResourceRef(
          kind: .resourceGroup, name: group.name, resourceGroup: group.name,
          location: group.location),
        azureOperation: .groupDelete(name: group.name), inverse: nil,
        takesAlong: PlanStep.contents(ofGroup: group.name, in: b.world))
      b.world.vms.removeAll { $0.resourceGroup.lowercased() == group.name.lowercased() }
      b.world.disks.removeAll { $0.resourceGroup.lowercased() == group.name.lowercased() }
      b.world.storageAccounts.removeAll {
        $0.resourceGroup.lowercased() == group.name.lowercased()
      }
      b.world.groups.removeAll { $0.name == group.name }
      return nil

    case .provisionVM:
      return addVMs(intent, to: &b, context: context, intents: intents, index: index)

    case .createSnapshot, .deleteSnapshot, .restoreSnapshot:
      return addSnapshotStep(intent, to: &b)

    case .createStorage, .deleteStorage, .attachDisk, .detachDisk, .deleteDisk:
      return addStorageOrDisk(intent, index: index, of: intents, to: &b, context: context)

    case .deleteVM, .startVM, .stopVM, .deallocateVM, .restartVM, .resizeVM:
      let targets: [LiveState.VM]
      switch resolveTargets(p, world: b.world, context: context) {
      case .success(let vms): targets = vms
      case .failure(let outcome): return outcome.value
      }
      for vm in targets {
        let size = p.size ?? p.sizeChange.flatMap { relativeSize($0, from: vm) }
        if p.size == nil, let change = p.sizeChange, size == nil, intent.kind == .resizeVM {
          return .refused(.noRelativeSize(vm: vm.name, change: change, from: vm.size))
        }
        if let stop = addChange(intent.kind, vm: vm, size: size, to: &b) { return stop }
      }
      return nil

    case .openPort, .closePort, .setAutoShutdown, .clearAutoShutdown, .setTag, .removeTag:
      return addDevVMChange(intent, to: &b, context: context)
    case .runCommand:
      return addRunCommand(intent, index: index, of: intents, to: &b)

    default:
      return nil
    }
  }

  private func addVMs(
    _ intent: Intent, to b: inout PlanBuilder, context: ConversationContext, intents: [Intent],
    index: Int
  )
    -> PlanningOutcome?
  {
    let p = intent.parameters
    let (groupName, region, stop) = placement(p, builder: &b, context: context)
    if let stop { return stop }
    let existingGroup = b.world.group(named: groupName)
    let sizeText: String
    if let s = p.size {
      sizeText = s
    } else {
      sizeText = defaults.vmSize
      b.assume(.size(sizeText))
    }
    guard let size = catalog.vmSize(named: sizeText) else {
      return .refused(.unknownSize(sizeText))
    }
    guard catalog.isOffered(size: size.name, in: region) else {
      return .refused(
        .sizeNotOffered(
          size: size.name, region: region, alternatives: alternatives(to: size, in: region)))
    }
    var image = p.image ?? defaults.image
    if p.image == nil { b.assume(.image(image)) }
    switch Self.usableImage(image) {
    case .success(let usable): image = usable
    case .failure(let refusal): return .refused(refusal.problem)
    }

    var names = p.names
    // "create 3 vms named web": one name cannot be three VMs' — asked, never guessed.
    if let count = p.count, !names.isEmpty, count != names.count {
      return .refused(.countAgainstNames(count, names: names))
    }
    if names.isEmpty {
      let count = p.count ?? 1
      guard count <= Self.maximumCount else { return .refused(.tooMany(count)) }
      var n = 1
      while names.count < count {
        let candidate = "azlin-vm-\(n)"
        if b.world.vms(named: candidate).isEmpty { names.append(candidate) }
        n += 1
      }
      for name in names { b.assume(.generatedName(name)) }
    }
    for name in names {
      if let problem = Self.nameViolation(name, as: .virtualMachine) {
        return .refused(.invalidName(problem))
      }
    }
    if names.count == 1,
      let taken = b.world.vms(named: names[0]).first(where: {
        $0.resourceGroup.lowercased() == groupName.lowercased()
      })
    {
      var n = 2
      while !b.world.vms(named: "\(taken.name)-\(n)").isEmpty { n += 1 }
      return .question(
        PendingQuestion(
          kind: .useOtherName(taken: taken.name, suggestion: "\(taken.name)-\(n)"),
          intents: intents, intentIndex: index))
    }
    var groupStep: Int?
    if existingGroup == nil {
      groupStep = b.addGroup(name: groupName, location: region)
    }
    for name in names
    where b.world.vms(named: name).allSatisfy({
      $0.resourceGroup.lowercased() != groupName.lowercased()
    }) {
      b.append(
        action: .create, operation: .createVM(image: image),
        resource: ResourceRef(
          kind: .virtualMachine, name: name, resourceGroup: groupName, location: region,
          size: size.name),
        azureOperation: .vmCreate(
          name: name, group: groupName, location: region, size: size.name, image: image),
        inverse: .vmDelete(name: name, group: groupName), dependsOn: groupStep.map { [$0] } ?? [])
      b.world.vms.append(
        LiveState.VM(
          name: name, resourceGroup: groupName, location: region, size: size.name,
          powerState: "running", id: ""))
    }
    // "3 vms each with a 64 GB disk": a data disk for every VM made.
    if let gb = p.sizeGB {
      for name in names {
        var disk = Intent(kind: .attachDisk, explanation: "add a data disk to \(name)")
        disk.parameters.vm = name
        disk.parameters.sizeGB = gb
        disk.parameters.sku = p.sku
        if let stop = addStorageOrDisk(disk, index: index, of: intents, to: &b, context: context) {
          return stop
        }
      }
    }
    return nil
  }

  private func addChange(
    _ kind: IntentKind, vm: LiveState.VM, size: String?, to b: inout PlanBuilder
  ) -> PlanningOutcome? {
    let ref = ResourceRef(
      kind: .virtualMachine, name: vm.name, resourceGroup: vm.resourceGroup, location: vm.location,
      size: vm.size)
    func setState(_ state: String) {
      if let i = b.world.vms.firstIndex(where: {
        $0.name == vm.name && $0.resourceGroup == vm.resourceGroup
      }) {
        b.world.vms[i].powerState = state
      }
    }
    switch kind {
    case .deleteVM:
      b.append(
        action: .destroy, operation: .deleteVM, resource: ref,
        azureOperation: .vmDelete(name: vm.name, group: vm.resourceGroup), inverse: nil)
      b.world.vms.removeAll { $0.name == vm.name && $0.resourceGroup == vm.resourceGroup }
    case .startVM:
      if vm.powerState == "running" {
        b.notes.append(.alreadyInState(vm: vm.name, state: "running"))
        return nil
      }
      b.append(
        action: .change, operation: .power(.start, from: vm.powerState), resource: ref,
        azureOperation: .vmPower(.start, name: vm.name, group: vm.resourceGroup),
        inverse: .vmPower(
          vm.powerState == "deallocated" ? .deallocate : .stop, name: vm.name,
          group: vm.resourceGroup))
      setState("running")
    case .stopVM:
      if vm.powerState == "stopped" || vm.powerState == "deallocated" {
        b.notes.append(.alreadyInState(vm: vm.name, state: vm.powerState))
        return nil
      }
      b.append(
        action: .change, operation: .power(.stop, from: vm.powerState), resource: ref,
        azureOperation: .vmPower(.stop, name: vm.name, group: vm.resourceGroup),
        inverse: .vmPower(.start, name: vm.name, group: vm.resourceGroup))
      setState("stopped")
    case .deallocateVM:
      if vm.powerState == "deallocated" {
        b.notes.append(.alreadyInState(vm: vm.name, state: "deallocated"))
        return nil
      }
      b.append(
        action: .change, operation: .power(.deallocate, from: vm.powerState), resource: ref,
        azureOperation: .vmPower(.deallocate, name: vm.name, group: vm.resourceGroup),
        inverse: vm.powerState == "running"
          ? .vmPower(.start, name: vm.name, group: vm.resourceGroup) : nil)
      setState("deallocated")
    case .restartVM where vm.powerState == "stopped" || vm.powerState == "deallocated":
      // Azure refuses to restart a VM that is not running: start it, and say so.
      b.notes.append(.restartStarts(vm: vm.name, state: vm.powerState))
      return addChange(.startVM, vm: vm, size: size, to: &b)
    case .restartVM:
      b.append(
        action: .change, operation: .power(.restart, from: vm.powerState), resource: ref,
        azureOperation: .vmPower(.restart, name: vm.name, group: vm.resourceGroup), inverse: nil)
      setState("running")
    case .resizeVM:
      guard let sizeText = size else { return .refused(.nothingNamed("size")) }
      guard let target = catalog.vmSize(named: sizeText) else {
        return .refused(.unknownSize(sizeText))
      }
      guard catalog.isOffered(size: target.name, in: vm.location) else {
        return .refused(
          .sizeNotOffered(
            size: target.name, region: vm.location,
            alternatives: alternatives(to: target, in: vm.location)))
      }
      if target.name.lowercased() == vm.size.lowercased() {
        b.notes.append(.alreadyInState(vm: vm.name, state: target.name))
        return nil
      }
      b.append(
        action: .change, operation: .resizeVM(from: vm.size),
        resource: ResourceRef(
          kind: .virtualMachine, name: vm.name, resourceGroup: vm.resourceGroup,
          location: vm.location, size: target.name),
        azureOperation: .vmResize(name: vm.name, group: vm.resourceGroup, size: target.name),
        inverse: .vmResize(name: vm.name, group: vm.resourceGroup, size: vm.size))
    default:
      break
    }
    return nil
  }

  // MARK: - Helpers

  struct Stop: Error { var value: PlanningOutcome }

  func resolveTargets(_ p: IntentParameters, world: LiveState, context: ConversationContext)
    -> Result<[LiveState.VM], Stop>
  {
    var pool = world.vms
    if let g = p.resourceGroup {
      guard world.group(named: g) != nil else {
        return .failure(Stop(value: .refused(.groupNotFound(g))))
      }
      pool = pool.filter { $0.resourceGroup.lowercased() == g.lowercased() }
    }
    // "stop everything tagged env=dev": only what carries the tag.
    if let tag = p.tagFilter { pool = pool.filter { Self.carries($0.tags, tag) } }
    // "all but web3", "except what is in prod": what is kept out must exist, or nothing is done.
    for kept in p.excluded {
      let k = kept.lowercased()
      guard
        world.vms.contains(where: { $0.name.lowercased() == k }) || world.group(named: kept) != nil
      else {
        return .failure(Stop(value: .refused(.exclusionNotFound(kept))))
      }
      pool.removeAll { $0.name.lowercased() == k || $0.resourceGroup.lowercased() == k }
    }
    if !p.names.isEmpty {
      var found: [LiveState.VM] = []
      for name in p.names {
        let matches = pool.filter { $0.name.lowercased() == name.lowercased() }
        guard let first = matches.first else {
          if p.excluded.contains(where: { $0.lowercased() == name.lowercased() }) { continue }
          return .failure(Stop(value: .refused(.vmNotFound(name, group: p.resourceGroup))))
        }
        // One name held by VMs in two groups: ask which, never act on both.
        if matches.count > 1 {
          return .failure(
            Stop(
              value: .question(
                PendingQuestion(
                  kind: .whichVM(options: matches.map { "\($0.name) in \($0.resourceGroup)" }),
                  intents: [], intentIndex: 0))))
        }
        found.append(first)
      }
      return .success(found)
    }
    if p.all || !p.excluded.isEmpty || p.powerState != nil || p.tagFilter != nil {
      if let s = p.powerState { pool = pool.filter { Self.vm($0, isIn: s) } }

      guard !pool.isEmpty else { return .failure(Stop(value: .refused(.noVMs))) }
      return .success(pool)
    }
    if pool.isEmpty { return .failure(Stop(value: .refused(.noVMs))) }
    if pool.count == 1 { return .success(pool) }
    let options = pool.map(\.name)
    return .failure(
      Stop(
        value: .question(
          PendingQuestion(kind: .whichVM(options: options), intents: [], intentIndex: 0))))
  }

  /// True when `vm` is in the power state a filter names; "stopped" covers deallocated VMs.
  static func vm(_ vm: LiveState.VM, isIn state: String) -> Bool {
    switch state {
    case "stopped": return vm.powerState == "stopped" || vm.powerState == "deallocated"
    default: return vm.powerState == state
    }
  }

  private func resolveRegion(_ region: String?, fallback: String?, builder b: inout PlanBuilder)
    -> String?
  {
    if let r = region { return catalog.normalizeRegion(r) }
    if let f = fallback { return f }
    b.assume(.region(defaults.region))
    return defaults.region
  }

  /// The next size up (or down) from `vm`'s in the same family, offered in its region:
  /// "make it bigger" doubles the vCPUs where the family allows.
  func relativeSize(_ change: String, from vm: LiveState.VM) -> String? {
    guard let current = catalog.vmSize(named: vm.size) else { return nil }
    let family = catalog.sizesOffered(in: vm.location).filter {
      $0.family == current.family && $0.gpus == current.gpus
    }
    let ordered = family.sorted { ($0.vCPUs, $0.memoryGB) < ($1.vCPUs, $1.memoryGB) }
    if change == "smaller" {
      return ordered.last { ($0.vCPUs, $0.memoryGB) < (current.vCPUs, current.memoryGB) }?.name
    }
    return ordered.first { ($0.vCPUs, $0.memoryGB) > (current.vCPUs, current.memoryGB) }?.name
  }

  /// Up to three sizes offered in `region` with at least the vCPUs of `size`, cheapest first.
  public func alternatives(to size: VMSize, in region: String) -> [String] {
    catalog.alternatives(to: size.name, in: region).map(\.name)
  }

}

/// Accumulates steps while keeping a working copy of the world up to date.
/// Accumulates steps while keeping a working copy of the world up to date.
///
/// Steps run side by side unless one depends on another, so `append` adds the dependencies
/// the world implies: on the step that creates the step's group, on the last earlier step
/// that touched the same VM or disk, and — for a group deletion — on every earlier step in
/// that group.
struct PlanBuilder {
  var world: LiveState
  var steps: [PlanStep] = []
  var assumptions: [Assumption] = []
  var notes: [PlanNote] = []
  /// The step creating each group in this plan, by lowercased name.
  private var groupCreators: [String: Int] = [:]
  /// The last step touching each resource, by `kind/group/name` (VMs and disks).
  private var lastTouch: [String: Int] = [:]

  init(world: LiveState) { self.world = world }

  mutating func assume(_ a: Assumption) {
    if !assumptions.contains(a) { assumptions.append(a) }
  }

  @discardableResult
  mutating func append(
    action: StepAction, operation: StepOperation, resource: ResourceRef,
    azureOperation: AzureOperation, inverse: AzureOperation?,
    dependsOn: [Int] = [], takesAlong: [String] = []
  ) -> Int {
    let number = steps.count + 1
    let group = resource.resourceGroup.lowercased()
    var deps = Set(dependsOn)
    if let creator = groupCreators[group], resource.kind != .resourceGroup { deps.insert(creator) }
    var touched: [String] = []
    switch resource.kind {
    case .virtualMachine: touched = ["vm/\(group)/\(resource.name.lowercased())"]
    case .disk: touched = ["disk/\(group)/\(resource.name.lowercased())"]
    case .diskAttachment:
      touched = [
        "disk/\(group)/\(resource.name.lowercased())",
        "vm/\(group)/\((resource.size ?? "").lowercased())",
      ]
    default: break
    }
    touched += snapshotTouches(operation, resource)
    for key in touched { if let previous = lastTouch[key] { deps.insert(previous) } }
    if case .deleteGroup = operation {
      for step in steps where step.resource.resourceGroup.lowercased() == group {
        deps.insert(step.number)
      }
    }
    steps.append(
      PlanStep(
        number: number, action: action, operation: operation, resource: resource,
        azureOperation: azureOperation, inverse: inverse, dependsOn: deps.sorted(),
        takesAlong: takesAlong))
    for key in touched { lastTouch[key] = number }
    return number
  }

  @discardableResult
  mutating func addGroup(name: String, location: String) -> Int {
    let n = append(
      action: .create, operation: .createGroup,
      resource: ResourceRef(
        kind: .resourceGroup, name: name, resourceGroup: name, location: location),
      azureOperation: .groupCreate(name: name, location: location),
      inverse: .groupDelete(name: name))
    world.groups.append(LiveState.Group(name: name, location: location))
    groupCreators[name.lowercased()] = n
    return n
  }
}
