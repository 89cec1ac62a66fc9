import AzlinAzure
import AzlinCore
import Foundation

extension PlanStep {
  /// Reads back a step from an az command azlin generated, so that commands that were not
  /// planned in this turn — an undo's inverse commands, the steps an interrupted objective has
  /// left — are priced and checked by the same functions as a plan.
  ///
  /// What the command does not say (a VM's current size or power state, a group's region) is
  /// taken from `live`. A command azlin does not generate gives `nil`.
  /// - Parameters:
  ///   - command: The az arguments, without the leading `az`.
  ///   - number: The step's position.
  ///   - live: What exists now.
  public init?(reading command: AzCommand, number: Int, live: LiveState) {
    let group = command.value(of: "--resource-group", or: "-g") ?? ""
    let name = command.value(of: "--name", or: "-n") ?? ""
    let location = command.value(of: "--location", or: "-l")
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
    let operation: StepOperation
    let resource: ResourceRef
    var takesAlong: [String] = []
    switch command.verb {
    case "group create":
      (action, operation) = (.create, .createGroup)
      resource = ResourceRef(
        kind: .resourceGroup, name: name, resourceGroup: name, location: location ?? "")
    case "group delete":
      let count = live.vms.filter { $0.resourceGroup.lowercased() == name.lowercased() }.count
      (action, operation) = (.destroy, .deleteGroup(resourceCount: count))
      takesAlong = Self.contents(ofGroup: name, in: live)
      resource = ResourceRef(
        kind: .resourceGroup, name: name, resourceGroup: name,
        location: live.group(named: name)?.location ?? "")
    case "vm create":
      (action, operation) = (.create, .createVM(image: command.value(of: "--image") ?? ""))
      resource = vmRef(size: command.value(of: "--size"))
    case "vm delete":
      (action, operation, resource) = (.destroy, .deleteVM, vmRef(size: vm?.size))
    case "vm start", "vm stop", "vm deallocate", "vm restart":
      guard let verb = AzCommand.PowerVerb(rawValue: String(command.verb.dropFirst(3))) else {
        return nil
      }
      (action, operation) = (.change, .power(verb, from: vm?.powerState ?? ""))
      resource = vmRef(size: vm?.size)
    case "vm resize":
      (action, operation) = (.change, .resizeVM(from: vm?.size ?? ""))
      resource = vmRef(size: command.value(of: "--size"))
    case "disk create" where command.value(of: "--source") != nil:
      guard let read = Self.readingSnapshot(command, group: group, name: name, live: live) else {
        return nil
      }
      (action, operation, resource) = read
    case "disk create":
      guard let gb = command.value(of: "--size-gb").flatMap(Int.init) else { return nil }
      let sku = command.value(of: "--sku") ?? "Premium_LRS"
      (action, operation) = (.create, .createDisk(sizeGB: gb, sku: sku))
      resource = ResourceRef(
        kind: .disk, name: name, resourceGroup: group, location: region(of: group), size: "\(gb)")
    case "disk delete":
      (action, operation) = (.destroy, .deleteDisk)
      resource = ResourceRef(
        kind: .disk, name: name, resourceGroup: group, location: region(of: group))
    case "vm disk attach", "vm disk detach":
      let owner = command.value(of: "--vm-name") ?? ""
      let attach = command.verb == "vm disk attach"
      (action, operation) = (.change, attach ? .attachDisk(vm: owner) : .detachDisk(vm: owner))
      resource = ResourceRef(
        kind: .diskAttachment, name: name, resourceGroup: group, location: region(of: group),
        size: owner)
    case "storage account create":
      (action, operation) = (.create, .createStorage(sku: command.value(of: "--sku") ?? ""))
      resource = ResourceRef(
        kind: .storageAccount, name: name, resourceGroup: group, location: region(of: group))
    case "storage account delete":
      (action, operation) = (.destroy, .deleteStorage)
      resource = ResourceRef(
        kind: .storageAccount, name: name, resourceGroup: group, location: region(of: group))
    case "snapshot create", "snapshot delete":
      guard let read = Self.readingSnapshot(command, group: group, name: name, live: live) else {
        return nil
      }
      (action, operation, resource) = read
    case "network nsg rule create", "network nsg rule delete":
      // The VM is the one whose security group this is (`az vm create` names it <vm>NSG).
      let nsg = command.value(of: "--nsg-name") ?? ""
      let owner =
        live.vms.first {
          $0.securityGroup?.lowercased() == nsg.lowercased()
            && $0.resourceGroup.lowercased() == group.lowercased()
        }?.name ?? String(nsg.dropLast(nsg.hasSuffix("NSG") ? 3 : 0))
      let rule = PortRule(
        vm: owner, securityGroup: nsg, rule: name,
        ports: command.value(of: "--destination-port-ranges") ?? "",
        source: command.value(of: "--source-address-prefixes") ?? "*",
        priority: command.value(of: "--priority").flatMap(Int.init) ?? 0)
      let opening = command.verb == "network nsg rule create"
      (action, operation) = (.change, opening ? .openPort(rule) : .closePort(rule))
      resource = ResourceRef(
        kind: .virtualMachine, name: owner, resourceGroup: group, location: region(of: group))
    case "vm auto-shutdown":
      (action, operation) = (
        .change, .autoShutdown(utc: command.value(of: "--time"), from: vm?.autoShutdownUTC)
      )
      resource = vmRef(size: vm?.size)
    case "vm update", "group update", "disk update", "storage account update":
      let set = command.value(of: "--set")
      let path = set ?? command.value(of: "--remove") ?? ""
      if command.verb == "group update", command.value(of: "--tags") != nil {
        (action, operation) = (.change, .tag(key: "", value: nil, from: nil))
        resource = ResourceRef(
          kind: .resourceGroup, name: name, resourceGroup: name, location: region(of: name))
        break
      }
      guard path.hasPrefix("tags.") else { return nil }
      let pair = path.dropFirst(5).split(separator: "=", maxSplits: 1).map(String.init)
      let kind: ResourceRef.Kind =
        switch command.verb {
        case "vm update": .virtualMachine
        case "group update": .resourceGroup
        case "disk update": .disk
        default: .storageAccount
        }
      (action, operation) = (
        .change, .tag(key: pair.first ?? "", value: set == nil ? nil : pair.last, from: nil)
      )
      resource = ResourceRef(
        kind: kind, name: name, resourceGroup: kind == .resourceGroup ? name : group,
        location: region(of: kind == .resourceGroup ? name : group))
    case "vm run-command invoke":
      (action, operation) = (.change, .runCommand(script: command.value(of: "--scripts") ?? ""))
      resource = vmRef(size: vm?.size)
    default:
      return nil
    }
    self.init(
      number: number, action: action, operation: operation, resource: resource, command: command,
      undo: nil, takesAlong: takesAlong)
  }
}

extension Plan {
  /// The az commands as steps, read back with `PlanStep(reading:number:live:)`.
  /// - Returns: The plan, and the commands that could not be read (priced as unknown).
  public static func reading(_ commands: [AzCommand], live: LiveState) -> (
    plan: Plan, unread: [AzCommand]
  ) {
    var steps: [PlanStep] = []
    var unread: [AzCommand] = []
    // Each step is read against the world the steps before it leave: a group delete after
    // its VMs' deletes neither takes them along again nor saves their cost twice.
    var world = live
    for (i, command) in commands.enumerated() {
      if let step = PlanStep(reading: command, number: i + 1, live: world) {
        steps.append(step)
        step.apply(to: &world)
      } else if !command.onlyReads {
        unread.append(command)
      }
    }
    return (Plan(steps: steps), unread)
  }
}

extension PlanStep {
  /// Makes `world` what it is once this destroy or detach has run (other steps leave it as
  /// it is).
  ///
  /// In place, with the names lowercased once: pricing a plan applies each of its steps in
  /// turn, and a plan that deletes hundreds of VMs must not copy the world at every step.
  func apply(to world: inout LiveState) {
    let name = resource.name.lowercased()
    let group = resource.resourceGroup.lowercased()
    func isIt(_ n: String, _ g: String) -> Bool {
      n.lowercased() == name && g.lowercased() == group
    }
    switch operation {
    case .deleteVM:
      let ids = Set(world.vms.lazy.filter { isIt($0.name, $0.resourceGroup) }.map(\.id))
      guard !ids.isEmpty else { return }
      world.vms.removeAll { ids.contains($0.id) }
      world.disks.removeAll { $0.isOSDisk && $0.managedBy.map(ids.contains) == true }
      for i in world.disks.indices where world.disks[i].managedBy.map(ids.contains) == true {
        world.disks[i].managedBy = nil
      }
    case .deleteDisk:
      world.disks.removeAll { isIt($0.name, $0.resourceGroup) }
    case .deleteStorage:
      world.storageAccounts.removeAll { $0.name.lowercased() == name }
    case .deleteGroup:
      world.vms.removeAll { $0.resourceGroup.lowercased() == name }
      world.disks.removeAll { $0.resourceGroup.lowercased() == name }
      world.storageAccounts.removeAll { $0.resourceGroup.lowercased() == name }
      world.snapshots.removeAll { $0.resourceGroup.lowercased() == name }
      world.groups.removeAll { $0.name.lowercased() == name }
    case .detachDisk:
      for i in world.disks.indices where world.disks[i].name.lowercased() == name {
        world.disks[i].managedBy = nil
      }
    case .deleteSnapshot:
      world.snapshots.removeAll { isIt($0.name, $0.resourceGroup) }
    default: break
    }
  }
}
