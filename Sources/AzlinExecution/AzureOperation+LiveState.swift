import AzlinAzure
import Foundation

extension AzureOperation {
  /// Where a step stands in live state.
  enum State { case done, underWay, notDone }

  /// Done when live state shows the operation's effect with nothing left under way; under
  /// way when its resource is still being created, updated or deleted.
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
    if let owner = attachmentVM,
      let vm = live.vms.first(where: {
        $0.name.lowercased() == owner.lowercased()
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

  /// What the operation is about, as the user reads it: "VM r2 (Creating)".
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

  /// True when live state shows the operation's effect.
  func holds(in live: LiveState) -> Bool {
    let vm = vm(in: live)
    let named: (String) -> Bool = { $0.lowercased() == self.name.lowercased() }
    switch self {
    case .groupCreate: return live.group(named: name) != nil
    case .groupDelete: return live.group(named: name) == nil
    case .vmCreate: return vm != nil
    case .vmDelete: return vm == nil
    case .vmResize(_, _, let size): return vm?.size.lowercased() == size.lowercased()
    case .storageCreate: return !live.storageAccounts(named: name).isEmpty
    case .storageDelete: return live.storageAccounts(named: name).isEmpty
    case .diskCreate, .diskCreateFromSnapshot: return live.disks.contains { named($0.name) }
    case .diskDelete: return !live.disks.contains { named($0.name) }
    case .snapshotCreate: return snapshot(in: live) != nil
    case .snapshotDelete: return snapshot(in: live) == nil
    case .diskAttach(_, let owner, _), .diskDetach(_, let owner, _):
      let disk = live.disks.first { named($0.name) }
      let current = disk?.managedBy?.split(separator: "/").last.map { $0.lowercased() }
      if case .diskAttach = self { return current == owner.lowercased() }
      return disk != nil && current == nil
    case .securityRuleCreate(_, let nsg, _, _, _, _), .securityRuleDelete(_, let nsg, _):
      let present =
        live.securityGroups.first {
          $0.name.lowercased() == nsg.lowercased()
            && $0.resourceGroup.lowercased() == group.lowercased()
        }?.rules.contains { named($0.name) } == true
      if case .securityRuleCreate = self { return present }
      return !present
    case .vmAutoShutdown(_, _, let utc):
      guard let vm else { return false }
      return vm.autoShutdownUTC == utc
    case .groupTagsReplace(_, let tags):
      return live.group(named: name)?.tags == tags
    case .tagUpdate(let target, _, _, let key, let value):
      let tags: [String: String]?
      switch target {
      case .vm: tags = vm?.tags
      case .group: tags = live.group(named: name)?.tags
      case .disk: tags = live.disks.first { named($0.name) }?.tags
      case .storage: tags = live.storageAccounts(named: name).first?.tags
      }
      guard let tags else { return false }
      return tags.first { $0.key.lowercased() == key.lowercased() }?.value == value
    case .vmPower, .vmRunCommand:
      guard let vm, let state = expectedState else { return false }
      return vm.powerState == state
    }
  }
}
