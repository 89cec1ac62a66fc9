import AzlinAzure
import AzlinCore
import Foundation

extension CommandPlanner {
  /// The default tier of a new data disk, and its default size in GiB.
  static let defaultDiskSku = "Premium_LRS"
  static let defaultDiskGB = 64
  /// The default redundancy of a new storage account.
  static let defaultStorageSku = "Standard_LRS"

  /// The next free storage account name after `name`: `azlinlogs7` → `azlinlogs8`,
  /// `azlinlogs9`, … (twenty tries, each within Azure's naming rules); nil when none is free.
  public static func nextFreeStorageName(after name: String, isFree: (String) -> Bool) -> String? {
    let stem = String(name.reversed().drop(while: \.isNumber).reversed())
    let start = Int(name.dropFirst(stem.count)) ?? 1
    return (start + 1...start + 20).map { "\(stem)\($0)" }.filter {
      NamingRules.violation(of: $0, as: .storageAccount) == nil
    }.first(where: isFree)
  }

  /// Plans storage accounts and data disks.
  func addStorageOrDisk(
    _ intent: Intent, index: Int, of intents: [Intent], to b: inout PlanBuilder,
    context: ConversationContext
  ) -> PlanningOutcome? {
    let p = intent.parameters
    switch intent.kind {
    case .createStorage:
      let (group, region, stop) = placement(p, builder: &b, context: context)
      if let stop { return stop }
      var name: String
      let generated = p.names.isEmpty
      if let given = p.names.first {
        name = given
      } else {
        var n = 1
        while !b.world.storageAccounts(named: "st\(Self.compact(group))\(n)").isEmpty { n += 1 }
        name = "st\(Self.compact(group))\(n)"
      }
      if let problem = Self.nameViolation(name, as: .storageAccount) {
        if generated { b.assume(.generatedName(name)) }
        return .refused(.invalidName(problem))
      }
      if !b.world.storageAccounts(named: name).isEmpty {
        if generated { b.assume(.generatedName(name)) }
        b.notes.append(.storageExists(name))
        return nil
      }
      if let isFree = isStorageNameFree, !isFree(name) {
        // Held somewhere else in Azure: a made-up name moves on to the next free one.
        guard generated, let free = Self.nextFreeStorageName(after: name, isFree: isFree) else {
          return .refused(.storageNameTaken(name))
        }
        name = free
      }
      if generated { b.assume(.generatedName(name)) }
      let sku = p.sku ?? Self.defaultStorageSku
      if p.sku == nil { b.assume(.sku(sku)) }
      var dependsOn: [Int] = []
      if b.world.group(named: group) == nil {
        dependsOn = [b.addGroup(name: group, location: region)]
      }
      b.append(
        action: .create, operation: .createStorage(sku: sku),
        resource: ResourceRef(
          kind: .storageAccount, name: name, resourceGroup: group, location: region),
        azureOperation: .storageCreate(name: name, group: group, location: region, sku: sku),
        inverse: .storageDelete(name: name, group: group), dependsOn: dependsOn)
      b.world.storageAccounts.append(
        .init(name: name, resourceGroup: group, location: region, sku: sku))
      return nil

    case .deleteStorage:
      guard let name = p.names.first else { return .refused(.nothingNamed("storage account")) }
      guard let account = b.world.storageAccounts(named: name).first else {
        return .refused(.storageNotFound(name))
      }
      b.append(
        action: .destroy, operation: .deleteStorage,
        resource: ResourceRef(
          kind: .storageAccount, name: account.name, resourceGroup: account.resourceGroup,
          location: account.location),
        azureOperation: .storageDelete(name: account.name, group: account.resourceGroup),
        inverse: nil)
      b.world.storageAccounts.removeAll { $0.name == account.name }
      return nil

    case .attachDisk:
      var target = p
      if target.vm == nil { target.names = [] }
      let vm: LiveState.VM
      if let name = p.vm {
        guard let found = b.world.vms(named: name).first else {
          return .refused(.vmNotFound(name, group: nil))
        }
        vm = found
      } else if b.world.vms.count == 1 {
        vm = b.world.vms[0]
      } else if b.world.vms.isEmpty {
        return .refused(.noVMs)
      } else {
        var q = PendingQuestion(
          kind: .whichVM(options: b.world.vms.map(\.name)), intents: intents, intentIndex: index)
        q.answerFills = .diskVM
        return .question(q)
      }
      // "give sam a disk": a new disk's size is asked for, never assumed.
      let attachesExisting = b.world.disks.contains { disk in
        p.names.first.map { disk.name.lowercased() == $0.lowercased() } ?? false
      }
      if p.sizeGB == nil, !attachesExisting { return .refused(.nothingNamed("disk size")) }
      let size = p.sizeGB ?? Self.defaultDiskGB
      guard size >= 1, size <= 32_767 else { return .refused(.badDiskSize(size)) }
      let sku =
        p.sku.flatMap {
          ["Premium_LRS", "StandardSSD_LRS", "Standard_LRS"].contains($0) ? $0 : nil
        } ?? Self.defaultDiskSku
      if p.sku == nil { b.assume(.sku(sku)) }
      var name = p.names.first ?? ""
      // "attach the spare disk to db1": a disk that exists is attached, never created again.
      if let existing = b.world.disks.first(where: { $0.name.lowercased() == name.lowercased() }),
        !name.isEmpty
      {
        if let owner = existing.managedBy, !owner.isEmpty {
          return .refused(
            .diskAttached(
              disk: existing.name, vm: owner.split(separator: "/").last.map(String.init) ?? owner))
        }
        b.append(
          action: .change, operation: .attachDisk(vm: vm.name),
          resource: ResourceRef(
            kind: .diskAttachment, name: existing.name, resourceGroup: vm.resourceGroup,
            location: vm.location, size: vm.name),
          azureOperation: .diskAttach(disk: existing.name, vm: vm.name, group: vm.resourceGroup),
          inverse: .diskDetach(disk: existing.name, vm: vm.name, group: vm.resourceGroup))
        return nil
      }
      if name.isEmpty {
        var n = 1
        while b.world.disks.contains(where: {
          $0.name.lowercased() == "\(vm.name)-data\(n)".lowercased()
        }) { n += 1 }
        name = "\(vm.name)-data\(n)"
        b.assume(.generatedName(name))
      }
      if let problem = Self.nameViolation(name, as: .disk) {
        return .refused(.invalidName(problem))
      }
      let create = b.append(
        action: .create, operation: .createDisk(sizeGB: size, sku: sku),
        resource: ResourceRef(
          kind: .disk, name: name, resourceGroup: vm.resourceGroup, location: vm.location,
          size: "\(size)"),
        azureOperation: .diskCreate(
          name: name, group: vm.resourceGroup, location: vm.location, sizeGB: size, sku: sku),
        inverse: .diskDelete(name: name, group: vm.resourceGroup))
      b.append(
        action: .change, operation: .attachDisk(vm: vm.name),
        resource: ResourceRef(
          kind: .diskAttachment, name: name, resourceGroup: vm.resourceGroup, location: vm.location,
          size: vm.name),
        azureOperation: .diskAttach(disk: name, vm: vm.name, group: vm.resourceGroup),
        inverse: .diskDetach(disk: name, vm: vm.name, group: vm.resourceGroup), dependsOn: [create])
      b.world.disks.append(
        .init(name: name, resourceGroup: vm.resourceGroup, sizeGB: size, sku: sku, managedBy: vm.id)
      )
      return nil

    case .detachDisk:
      // "detach data-a and data-b": each disk named.
      if p.names.count > 1 {
        for name in p.names {
          var one = intent
          one.parameters.names = [name]
          if let stop = addStorageOrDisk(one, index: index, of: intents, to: &b, context: context) {
            return stop
          }
        }
        return nil
      }
      let disk: LiveState.Disk
      if let name = p.names.first {
        guard let found = b.world.disks.first(where: { $0.name.lowercased() == name.lowercased() })
        else {
          return .refused(.diskNotFound(name))
        }
        disk = found
      } else if let vmName = p.vm, let vm = b.world.vms(named: vmName).first {
        let attached = b.world.disks.filter {
          $0.managedBy?.lowercased() == vm.id.lowercased() && !vm.id.isEmpty
        }
        guard let only = attached.first else { return .refused(.noDiskOn(vm: vm.name)) }
        // "detach the disk from db1" while db1 has several: which one is asked, never picked.
        guard attached.count == 1 else {
          return .question(
            PendingQuestion(
              kind: .whichVM(options: attached.map(\.name)), intents: intents, intentIndex: index))
        }
        disk = only
      } else {
        return .refused(.nothingNamed("disk"))
      }
      guard
        let owner = b.world.vms.first(where: {
          !$0.id.isEmpty && $0.id.lowercased() == disk.managedBy?.lowercased()
        })
      else {
        b.notes.append(.alreadyInState(vm: disk.name, state: "detached"))
        return nil
      }
      b.append(
        action: .change, operation: .detachDisk(vm: owner.name),
        resource: ResourceRef(
          kind: .diskAttachment, name: disk.name, resourceGroup: disk.resourceGroup,
          location: owner.location, size: owner.name),
        azureOperation: .diskDetach(disk: disk.name, vm: owner.name, group: disk.resourceGroup),
        inverse: .diskAttach(disk: disk.name, vm: owner.name, group: disk.resourceGroup))
      if let i = b.world.disks.firstIndex(where: { $0.name == disk.name }) {
        b.world.disks[i].managedBy = nil
      }
      return nil

    case .deleteDisk:
      guard let name = p.names.first else { return .refused(.nothingNamed("disk")) }
      guard let disk = b.world.disks.first(where: { $0.name.lowercased() == name.lowercased() })
      else {
        return .refused(.diskNotFound(name))
      }
      if let owner = disk.managedBy, !owner.isEmpty {
        return .refused(
          .diskAttached(
            disk: disk.name, vm: owner.split(separator: "/").last.map(String.init) ?? owner))
      }
      b.append(
        action: .destroy, operation: .deleteDisk,
        resource: ResourceRef(
          kind: .disk, name: disk.name, resourceGroup: disk.resourceGroup, location: ""),
        azureOperation: .diskDelete(name: disk.name, group: disk.resourceGroup), inverse: nil)
      b.world.disks.removeAll { $0.name == disk.name }
      return nil

    default:
      return nil
    }
  }

  /// The group and region for something new: as said, else the conversation's, else the defaults.
  func placement(
    _ p: IntentParameters, builder b: inout PlanBuilder, context: ConversationContext
  )
    -> (group: String, region: String, stop: PlanningOutcome?)
  {
    let group: String
    if let g = p.resourceGroup {
      group = b.world.group(named: g)?.name ?? g
    } else if let g = context.resourceGroup, let existing = b.world.group(named: g) {
      group = existing.name
    } else {
      group = defaults.resourceGroup
      b.assume(.resourceGroup(group))
    }
    if let problem = Self.nameViolation(group, as: .resourceGroup) {
      return (group, "", .refused(.invalidName(problem)))
    }
    if let r = p.region {
      guard let known = catalog.normalizeRegion(r) else {
        return (group, r, .refused(.unknownRegion(r)))
      }
      return (group, known, nil)
    }
    if let g = b.world.group(named: group) { return (group, g.location, nil) }
    let region = context.region ?? defaults.region
    if context.region == nil { b.assume(.region(region)) }
    return (group, region, nil)
  }

  /// A group name as storage account names allow: lowercase letters and digits, at most 12.
  static func compact(_ group: String) -> String {
    String(group.lowercased().filter { ($0.isLetter && $0.isASCII) || $0.isNumber }.prefix(12))
  }
}
