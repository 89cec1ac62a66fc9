import AzlinAzure
import AzlinCore
import Foundation

extension PlanStep {
  /// Reads back a step from an operation that was not planned in this turn — an undo's
  /// inverse operations, the steps an interrupted objective has left — so that it is priced
  /// and checked by the same functions as a plan.
  ///
  /// What the operation does not say (a VM's current size or power state, a group's region)
  /// is taken from `live`.
  /// - Parameters:
  ///   - operation: What the step does.
  ///   - number: The step's position.
  ///   - live: What exists now.
  public init(reading operation: AzureOperation, number: Int, live: LiveState) {
    let name = operation.name
    // The group an operation on a group names is the group itself, not a group it is in.
    let group = operation.kind == "group" ? "" : operation.group
    let location = operation.location
    func region(of group: String) -> String {
      location ?? live.group(named: group)?.location ?? ""
    }
    let vm = live.vms.first {
      $0.name.lowercased() == name.lowercased()
        && $0.resourceGroup.lowercased() == group.lowercased()
    }
    func vmRef(size: String?) -> ResourceRef {
      ResourceRef(
        kind: .virtualMachine, name: name, resourceGroup: group,
        location: vm?.location ?? region(of: group), size: size)
    }
    let action: StepAction
    let step: StepOperation
    let resource: ResourceRef
    var takesAlong: [String] = []
    switch operation {
    case .groupCreate:
      (action, step) = (.create, .createGroup)
      resource = ResourceRef(
        kind: .resourceGroup, name: name, resourceGroup: name, location: location ?? "")
    case .groupDelete:
      let count = live.vms.filter { $0.resourceGroup.lowercased() == name.lowercased() }.count
      (action, step) = (.destroy, .deleteGroup(resourceCount: count))
      takesAlong = Self.contents(ofGroup: name, in: live)
      resource = ResourceRef(
        kind: .resourceGroup, name: name, resourceGroup: name,
        location: live.group(named: name)?.location ?? "")
    case .vmCreate(_, _, _, let size, let image):
      (action, step) = (.create, .createVM(image: image))
      resource = vmRef(size: size)
    case .vmDelete:
      (action, step, resource) = (.destroy, .deleteVM, vmRef(size: vm?.size))
    case .vmPower(let verb, _, _):
      (action, step) = (.change, .power(verb, from: vm?.powerState ?? ""))
      resource = vmRef(size: vm?.size)
    case .vmResize(_, _, let size):
      (action, step) = (.change, .resizeVM(from: vm?.size ?? ""))
      resource = vmRef(size: size)
    case .diskCreateFromSnapshot, .snapshotCreate, .snapshotDelete:
      (action, step, resource) = Self.readingSnapshot(operation, live: live)
    case .diskCreate(_, _, _, let gb, let sku):
      (action, step) = (.create, .createDisk(sizeGB: gb, sku: sku))
      resource = ResourceRef(
        kind: .disk, name: name, resourceGroup: group, location: region(of: group), size: "\(gb)")
    case .diskDelete:
      (action, step) = (.destroy, .deleteDisk)
      resource = ResourceRef(
        kind: .disk, name: name, resourceGroup: group, location: region(of: group))
    case .diskAttach(_, let owner, _), .diskDetach(_, let owner, _):
      if case .diskAttach = operation {
        (action, step) = (.change, .attachDisk(vm: owner))
      } else {
        (action, step) = (.change, .detachDisk(vm: owner))
      }
      resource = ResourceRef(
        kind: .diskAttachment, name: name, resourceGroup: group, location: region(of: group),
        size: owner)
    case .storageCreate(_, _, _, let sku):
      (action, step) = (.create, .createStorage(sku: sku))
      resource = ResourceRef(
        kind: .storageAccount, name: name, resourceGroup: group, location: region(of: group))
    case .storageDelete:
      (action, step) = (.destroy, .deleteStorage)
      resource = ResourceRef(
        kind: .storageAccount, name: name, resourceGroup: group, location: region(of: group))
    case .securityRuleCreate(_, let nsg, _, _, _, _), .securityRuleDelete(_, let nsg, _):
      // The VM is the one whose security group this is (`az vm create` names it <vm>NSG).
      let owner =
        live.vms.first {
          $0.securityGroup?.lowercased() == nsg.lowercased()
            && $0.resourceGroup.lowercased() == group.lowercased()
        }?.name ?? String(nsg.dropLast(nsg.hasSuffix("NSG") ? 3 : 0))
      if case .securityRuleCreate(_, _, _, let priority, let ports, let sources) = operation {
        let rule = PortRule(
          vm: owner, securityGroup: nsg, rule: name, ports: ports, source: sources.first ?? "*",
          priority: priority)
        (action, step) = (.change, .openPort(rule))
      } else {
        let rule = PortRule(
          vm: owner, securityGroup: nsg, rule: name, ports: "", source: "*", priority: 0)
        (action, step) = (.change, .closePort(rule))
      }
      resource = ResourceRef(
        kind: .virtualMachine, name: owner, resourceGroup: group, location: region(of: group))
    case .vmAutoShutdown(_, _, let utc):
      (action, step) = (.change, .autoShutdown(utc: utc, from: vm?.autoShutdownUTC))
      resource = vmRef(size: vm?.size)
    case .groupTagsReplace:
      (action, step) = (.change, .tag(key: "", value: nil, from: nil))
      resource = ResourceRef(
        kind: .resourceGroup, name: name, resourceGroup: name, location: region(of: name))
    case .tagUpdate(let target, _, _, let key, let value):
      let kind: ResourceRef.Kind =
        switch target {
        case .vm: .virtualMachine
        case .group: .resourceGroup
        case .disk: .disk
        case .storage: .storageAccount
        }
      // As az's `--set tags.KEY=VALUE` reads: the value is what follows the first `=`.
      let pair = "\(key)=\(value ?? "")".split(separator: "=", maxSplits: 1).map(String.init)
      (action, step) = (
        .change, .tag(key: pair.first ?? "", value: value == nil ? nil : pair.last, from: nil)
      )
      let home = kind == .resourceGroup ? name : group
      resource = ResourceRef(
        kind: kind, name: name, resourceGroup: home, location: region(of: home))
    case .vmRunCommand(_, _, let script):
      (action, step) = (.change, .runCommand(script: script))
      resource = vmRef(size: vm?.size)
    }
    self.init(
      number: number, action: action, operation: step, resource: resource,
      azureOperation: operation, inverse: nil, takesAlong: takesAlong)
  }
}

extension Plan {
  /// The operations as steps, read back with `PlanStep(reading:number:live:)`.
  public static func reading(_ operations: [AzureOperation], live: LiveState) -> Plan {
    var steps: [PlanStep] = []
    // Each step is read against the world the steps before it leave: a group delete after
    // its VMs' deletes neither takes them along again nor saves their cost twice.
    var world = live
    for (i, operation) in operations.enumerated() {
      let step = PlanStep(reading: operation, number: i + 1, live: world)
      steps.append(step)
      step.apply(to: &world)
    }
    return Plan(steps: steps)
  }
}

extension PlanStep {
  /// Makes `world` what it is once this destroy or detach has run (other steps leave it as
  /// it is).
  ///
  /// In place, names compared without allocating: pricing a plan applies each of its steps in
  /// turn, and a plan that deletes hundreds of VMs must not copy the world at every step.
  func apply(to world: inout LiveState) {
    let name = resource.name
    let group = resource.resourceGroup
    func isIt(_ n: String, _ g: String) -> Bool {
      n.isSameName(as: name) && g.isSameName(as: group)
    }
    switch operation {
    case .deleteVM:
      // A name is unique in its group: one VM, whose disks its delete takes or frees.
      guard let index = world.vms.firstIndex(where: { isIt($0.name, $0.resourceGroup) }) else {
        return
      }
      let id = world.vms.remove(at: index).id
      world.disks.removeAll { $0.managedBy == id && $0.isOSDisk }
      for i in world.disks.indices where world.disks[i].managedBy == id {
        world.disks[i].managedBy = nil
      }
    case .deleteDisk:
      world.disks.removeAll { isIt($0.name, $0.resourceGroup) }
    case .deleteStorage:
      world.storageAccounts.removeAll { $0.name.isSameName(as: name) }
    case .deleteGroup:
      world.vms.removeAll { $0.resourceGroup.isSameName(as: name) }
      world.disks.removeAll { $0.resourceGroup.isSameName(as: name) }
      world.storageAccounts.removeAll { $0.resourceGroup.isSameName(as: name) }
      world.snapshots.removeAll { $0.resourceGroup.isSameName(as: name) }
      world.groups.removeAll { $0.name.isSameName(as: name) }
    case .detachDisk:
      for i in world.disks.indices where world.disks[i].name.isSameName(as: name) {
        world.disks[i].managedBy = nil
      }
    case .deleteSnapshot:
      world.snapshots.removeAll { isIt($0.name, $0.resourceGroup) }
    default: break
    }
  }
}
