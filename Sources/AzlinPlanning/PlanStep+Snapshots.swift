import AzlinAzure
import Foundation

extension PlanStep {
  /// Reads back `snapshot create`, `snapshot delete` and `disk create --source` as azlin
  /// generates them: what they do, and to what, with the sizes taken from `live`.
  /// - Returns: `nil` for a form azlin does not generate.
  static func readingSnapshot(
    _ command: AzCommand, group: String, name: String, live: LiveState
  ) -> (StepAction, StepOperation, ResourceRef)? {
    let same: (String, String) -> Bool = { $0.lowercased() == $1.lowercased() }
    let location =
      command.value(of: "--location", or: "-l") ?? live.group(named: group)?.location ?? ""
    switch command.verb {
    case "snapshot create":
      guard let source = command.value(of: "--source") else { return nil }
      let diskName = source.split(separator: "/").last.map(String.init) ?? source
      let disk = live.disks.first { same($0.name, diskName) && same($0.resourceGroup, group) }
      return (
        .create, .createSnapshot(disk: diskName, sizeGB: disk?.sizeGB ?? 0),
        ResourceRef(
          kind: .snapshot, name: name, resourceGroup: group, location: location, size: diskName)
      )
    case "snapshot delete":
      let snapshot = live.snapshots.first { same($0.name, name) && same($0.resourceGroup, group) }
      return (
        .destroy, .deleteSnapshot,
        ResourceRef(
          kind: .snapshot, name: name, resourceGroup: group,
          location: snapshot?.location ?? location, size: snapshot?.sourceDisk)
      )
    case "disk create":
      guard let source = command.value(of: "--source") else { return nil }
      let snapshotName = source.split(separator: "/").last.map(String.init) ?? source
      let snapshot = live.snapshots.first {
        same($0.name, snapshotName) && same($0.resourceGroup, group)
      }
      let gb = command.value(of: "--size-gb").flatMap(Int.init) ?? snapshot?.sizeGB ?? 0
      return (
        .create,
        .createDiskFromSnapshot(
          snapshot: snapshotName, sizeGB: gb, sku: command.value(of: "--sku") ?? "Premium_LRS"),
        ResourceRef(
          kind: .disk, name: name, resourceGroup: group, location: location, size: "\(gb)")
      )
    default:
      return nil
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
