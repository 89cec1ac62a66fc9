import AzlinAzure
import Foundation

extension PlanStep {
  /// Reads back a snapshot's create or delete, or a disk made from a snapshot: what it does,
  /// and to what, with the sizes taken from `live`.
  static func readingSnapshot(_ operation: AzureOperation, live: LiveState) -> (
    StepAction, StepOperation, ResourceRef
  ) {
    let same: (String, String) -> Bool = { $0.lowercased() == $1.lowercased() }
    let (name, group) = (operation.name, operation.group)
    let location = operation.location ?? live.group(named: group)?.location ?? ""
    switch operation {
    case .snapshotCreate(_, _, _, let source):
      let diskName = source.split(separator: "/").last.map(String.init) ?? source
      let disk = live.disks.first { same($0.name, diskName) && same($0.resourceGroup, group) }
      return (
        .create, .createSnapshot(disk: diskName, sizeGB: disk?.sizeGB ?? 0),
        ResourceRef(
          kind: .snapshot, name: name, resourceGroup: group, location: location, size: diskName)
      )
    case .diskCreateFromSnapshot(_, _, _, let source, let sku):
      let snapshotName = source.split(separator: "/").last.map(String.init) ?? source
      let snapshot = live.snapshots.first {
        same($0.name, snapshotName) && same($0.resourceGroup, group)
      }
      let gb = snapshot?.sizeGB ?? 0
      return (
        .create, .createDiskFromSnapshot(snapshot: snapshotName, sizeGB: gb, sku: sku),
        ResourceRef(
          kind: .disk, name: name, resourceGroup: group, location: location, size: "\(gb)")
      )
    default:
      let snapshot = live.snapshots.first { same($0.name, name) && same($0.resourceGroup, group) }
      return (
        .destroy, .deleteSnapshot,
        ResourceRef(
          kind: .snapshot, name: name, resourceGroup: group,
          location: snapshot?.location ?? location, size: snapshot?.sourceDisk)
      )
    }
  }

  /// The snapshots in `group`, as a group delete names what it takes along.
  static func snapshotContents(ofGroup group: String, in live: LiveState) -> [String] {
    live.snapshots.filter { $0.resourceGroup.lowercased() == group.lowercased() }.map {
      "snapshot \($0.name) (\($0.sizeGB) GB\($0.sourceDisk.map { ", of \(diskLabel($0))" } ?? ""))"
    }
  }

  /// A disk as a person reads it: "sam's OS disk" for Azure's `sam_OsDisk_1_<id>` names, "disk
  /// d1" otherwise.
  public static func diskLabel(_ name: String) -> String {
    guard let range = name.range(of: "_OsDisk_") else { return "disk \(name)" }
    return "\(name[..<range.lowerBound])'s OS disk"
  }
}

extension Plan {
  /// What a plan knew of the snapshot `name` in `group`, as `facts(in:)` keeps it.
  static func snapshotFact(_ name: String, in group: String, live: LiveState) -> String {
    let same: (String, String) -> Bool = { $0.lowercased() == $1.lowercased() }
    guard
      let s = live.snapshots.first(where: { same($0.name, name) && same($0.resourceGroup, group) })
    else { return "snapshot \(name) in \(group): absent" }
    return "snapshot \(s.name) in \(s.resourceGroup): \(s.sizeGB) GB, \(s.provisioningState)"
  }
}
