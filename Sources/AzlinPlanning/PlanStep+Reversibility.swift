import AzlinAzure

extension PlanStep {
  /// How far this step can be taken back.
  public var reversibility: Reversibility {
    switch operation {
    case .deleteDisk, .deleteStorage, .deleteVM, .deleteSnapshot: return .losesData
    case .deleteGroup: return takesAlong.isEmpty ? .irreversible : .losesData
    case .runCommand: return .irreversible
    default: return .reversible
    }
  }

  /// Everything a group delete takes with it, as the user reads it: each VM (with its OS
  /// disk), each data disk with its size and whether it is attached, each storage account,
  /// each snapshot.
  public static func contents(ofGroup group: String, in live: LiveState) -> [String] {
    let inGroup: (String) -> Bool = { $0.lowercased() == group.lowercased() }
    var items = live.vms.filter { inGroup($0.resourceGroup) }.map {
      "VM \($0.name) (\($0.powerState), with its OS disk)"
    }
    for disk in live.disks where inGroup(disk.resourceGroup) && !Self.isOSDisk(disk, in: live) {
      let owner = disk.managedBy?.split(separator: "/").last.map { "attached to \($0)" }
      items.append("disk \(disk.name) (\(disk.sizeGB) GB, \(owner ?? "detached"))")
    }
    items += live.storageAccounts.filter { inGroup($0.resourceGroup) }.map {
      "storage account \($0.name) (and all it stores)"
    }
    return items + snapshotContents(ofGroup: group, in: live)
  }

  /// What is in a group, by kind and name only ("VM a1", "disk d1", "storage account s1"):
  /// what a group delete was approved to take, compared again right before it runs.
  public static func members(ofGroup group: String, in live: LiveState) -> [String] {
    let inGroup: (String) -> Bool = { $0.lowercased() == group.lowercased() }
    return
      (live.vms.filter { inGroup($0.resourceGroup) }.map { "VM \($0.name)" }
      + live.disks.filter { inGroup($0.resourceGroup) && !isOSDisk($0, in: live) }.map {
        "disk \($0.name)"
      }
      + live.storageAccounts.filter { inGroup($0.resourceGroup) }.map {
        "storage account \($0.name)"
      }
      + live.snapshots.filter { inGroup($0.resourceGroup) }.map { "snapshot \($0.name)" }).sorted()
  }

  /// True for a VM's OS disk (named `<vm>_OsDisk_…` by Azure), which goes with its VM.
  public static func isOSDisk(_ disk: LiveState.Disk, in live: LiveState) -> Bool {
    disk.isOSDisk
  }
}
