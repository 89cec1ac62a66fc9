import Foundation

/// One change azlin makes in Azure, as a typed value: what it does and to what, with every
/// value its command needs.
///
/// This is a step's identity. Each strategy renders it in its own terms — the Azure CLI as an
/// argv (`AzCommand(_:)`, through the builders), Terraform as azurerm resources, an MCP server
/// as a tool call — and the checks after a step, recovery, rollback and failure advice read it
/// rather than an argv. The cases are named as the `AzCommand` builders that render them.
///
/// Stored in objective files (`operation`, `undo_operation`) as one JSON object keyed by the
/// operation's name (`{"vm_create": {"name": …, "group": …}}`).
public enum AzureOperation: Codable, Hashable, Sendable {
  case groupCreate(name: String, location: String)
  case groupDelete(name: String)
  case vmCreate(name: String, group: String, location: String, size: String, image: String)
  case vmDelete(name: String, group: String)
  case vmPower(AzCommand.PowerVerb, name: String, group: String)
  case vmResize(name: String, group: String, size: String)
  case storageCreate(name: String, group: String, location: String, sku: String)
  case storageDelete(name: String, group: String)
  /// An empty managed data disk.
  case diskCreate(name: String, group: String, location: String, sizeGB: Int, sku: String)
  /// A managed disk made from the snapshot `snapshot` (a name in `group`, or an ID).
  case diskCreateFromSnapshot(
    name: String, group: String, location: String, snapshot: String, sku: String)
  case diskDelete(name: String, group: String)
  case diskAttach(disk: String, vm: String, group: String)
  case diskDetach(disk: String, vm: String, group: String)
  /// A snapshot of the managed disk `disk` (a name in `group`, or an ID).
  case snapshotCreate(name: String, group: String, location: String, disk: String)
  case snapshotDelete(name: String, group: String)
  /// An inbound TCP allow rule for `ports` from `sources` on a network security group.
  case securityRuleCreate(
    rule: String, securityGroup: String, group: String, priority: Int, ports: String,
    sources: [String])
  case securityRuleDelete(rule: String, securityGroup: String, group: String)
  /// A VM's daily auto-shutdown at `utc` (`HHMM`), or off (`nil`).
  case vmAutoShutdown(name: String, group: String, utc: String?)
  /// A group's tags replaced whole.
  case groupTagsReplace(name: String, tags: [String: String])
  /// One tag set to `value`, or removed (`nil`).
  case tagUpdate(AzCommand.TagTarget, name: String, group: String, key: String, value: String?)
  /// A shell command line run inside a Linux VM.
  case vmRunCommand(name: String, group: String, script: String)

  enum CodingKeys: String, CodingKey {
    case groupCreate = "group_create"
    case groupDelete = "group_delete"
    case vmCreate = "vm_create"
    case vmDelete = "vm_delete"
    case vmPower = "vm_power"
    case vmResize = "vm_resize"
    case storageCreate = "storage_create"
    case storageDelete = "storage_delete"
    case diskCreate = "disk_create"
    case diskCreateFromSnapshot = "disk_create_from_snapshot"
    case diskDelete = "disk_delete"
    case diskAttach = "disk_attach"
    case diskDetach = "disk_detach"
    case snapshotCreate = "snapshot_create"
    case snapshotDelete = "snapshot_delete"
    case securityRuleCreate = "security_rule_create"
    case securityRuleDelete = "security_rule_delete"
    case vmAutoShutdown = "vm_auto_shutdown"
    case groupTagsReplace = "group_tags_replace"
    case tagUpdate = "tag_update"
    case vmRunCommand = "vm_run_command"
  }

  enum VmPowerCodingKeys: String, CodingKey {
    case _0 = "verb"
    case name, group
  }

  enum DiskCreateCodingKeys: String, CodingKey {
    case name, group, location, sku
    case sizeGB = "size_gb"
  }

  enum SecurityRuleCreateCodingKeys: String, CodingKey {
    case rule, group, priority, ports, sources
    case securityGroup = "security_group"
  }

  enum SecurityRuleDeleteCodingKeys: String, CodingKey {
    case rule, group
    case securityGroup = "security_group"
  }

  enum TagUpdateCodingKeys: String, CodingKey {
    case _0 = "target"
    case name, group, key, value
  }
}
