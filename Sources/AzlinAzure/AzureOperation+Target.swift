import Foundation

extension AzureOperation {
  /// The operation's name as az's command words (`vm create`, `network nsg rule delete`):
  /// how failure signatures and refusals name it.
  public var verb: String {
    switch self {
    case .groupCreate: "group create"
    case .groupDelete: "group delete"
    case .vmCreate: "vm create"
    case .vmDelete: "vm delete"
    case .vmPower(let verb, _, _): "vm \(verb.rawValue)"
    case .vmResize: "vm resize"
    case .storageCreate: "storage account create"
    case .storageDelete: "storage account delete"
    case .diskCreate, .diskCreateFromSnapshot: "disk create"
    case .diskDelete: "disk delete"
    case .diskAttach: "vm disk attach"
    case .diskDetach: "vm disk detach"
    case .snapshotCreate: "snapshot create"
    case .snapshotDelete: "snapshot delete"
    case .securityRuleCreate: "network nsg rule create"
    case .securityRuleDelete: "network nsg rule delete"
    case .vmAutoShutdown: "vm auto-shutdown"
    case .groupTagsReplace: "group update"
    case .tagUpdate(let target, _, _, _, _):
      target == .storage ? "storage account update" : "\(target.rawValue) update"
    case .vmRunCommand: "vm run-command invoke"
    }
  }

  /// What kind of resource it is about, as objectives record it: `group`, `vm`, `storage`,
  /// `disk`, `attachment` (a disk on a VM) or `snapshot`. A security rule and an
  /// auto-shutdown belong to a VM.
  public var kind: String {
    switch self {
    case .groupCreate, .groupDelete, .groupTagsReplace, .tagUpdate(.group, _, _, _, _): "group"
    case .storageCreate, .storageDelete, .tagUpdate(.storage, _, _, _, _): "storage"
    case .diskCreate, .diskCreateFromSnapshot, .diskDelete, .tagUpdate(.disk, _, _, _, _): "disk"
    case .diskAttach, .diskDetach: "attachment"
    case .snapshotCreate, .snapshotDelete: "snapshot"
    default: "vm"
    }
  }

  /// The name it acts on: the group, VM, account, disk (an attachment's disk), snapshot or
  /// security rule.
  public var name: String {
    switch self {
    case .groupCreate(let name, _), .groupDelete(let name), .groupTagsReplace(let name, _),
      .vmCreate(let name, _, _, _, _), .vmDelete(let name, _), .vmPower(_, let name, _),
      .vmResize(let name, _, _), .storageCreate(let name, _, _, _), .storageDelete(let name, _),
      .diskCreate(let name, _, _, _, _), .diskCreateFromSnapshot(let name, _, _, _, _),
      .diskDelete(let name, _), .diskAttach(let name, _, _), .diskDetach(let name, _, _),
      .snapshotCreate(let name, _, _, _), .snapshotDelete(let name, _),
      .securityRuleCreate(let name, _, _, _, _, _), .securityRuleDelete(let name, _, _),
      .vmAutoShutdown(let name, _, _), .tagUpdate(_, let name, _, _, _),
      .vmRunCommand(let name, _, _):
      name
    }
  }

  /// The resource group: a group's own name for what acts on a group.
  public var group: String {
    if kind == "group" { return name }
    switch self {
    case .vmCreate(_, let group, _, _, _), .vmDelete(_, let group), .vmPower(_, _, let group),
      .vmResize(_, let group, _), .storageCreate(_, let group, _, _),
      .storageDelete(_, let group), .diskCreate(_, let group, _, _, _),
      .diskCreateFromSnapshot(_, let group, _, _, _), .diskDelete(_, let group),
      .diskAttach(_, _, let group), .diskDetach(_, _, let group),
      .snapshotCreate(_, let group, _, _), .snapshotDelete(_, let group),
      .securityRuleCreate(_, _, let group, _, _, _), .securityRuleDelete(_, _, let group),
      .vmAutoShutdown(_, let group, _), .tagUpdate(_, _, let group, _, _),
      .vmRunCommand(_, let group, _):
      return group
    default:
      return name
    }
  }

  /// The region a create names.
  public var location: String? {
    switch self {
    case .groupCreate(_, let location), .vmCreate(_, _, let location, _, _),
      .storageCreate(_, _, let location, _), .diskCreate(_, _, let location, _, _),
      .diskCreateFromSnapshot(_, _, let location, _, _), .snapshotCreate(_, _, let location, _):
      location
    default: nil
    }
  }

  /// The VM size a create or resize asks for.
  public var size: String? {
    switch self {
    case .vmCreate(_, _, _, let size, _), .vmResize(_, _, let size): size
    default: nil
    }
  }

  /// The VM of a disk attach or detach.
  public var attachmentVM: String? {
    switch self {
    case .diskAttach(_, let vm, _), .diskDetach(_, let vm, _): vm
    default: nil
    }
  }

  /// What the resource should show once the step ran, for the drift check of undo: a VM's
  /// power state or size, the VM an attach or detach names.
  public var expectedState: String? {
    switch self {
    case .vmPower(.start, _, _), .vmPower(.restart, _, _): "running"
    case .vmPower(.stop, _, _): "stopped"
    case .vmPower(.deallocate, _, _): "deallocated"
    case .vmResize(_, _, let size): size
    case .diskAttach(_, let vm, _), .diskDetach(_, let vm, _): vm
    default: nil
    }
  }

  /// True when it deletes something.
  public var deletes: Bool {
    switch self {
    case .groupDelete, .vmDelete, .storageDelete, .diskDelete, .snapshotDelete,
      .securityRuleDelete:
      true
    default: false
    }
  }
}
