import AzlinAzure
import AzlinCore
import AzlinPlanning
import Foundation

extension Messages {
  /// What a snapshot step does, as the plan shows it.
  static func snapshotStepSummary(_ s: PlanStep) -> String? {
    let r = s.resource
    switch s.operation {
    case .createSnapshot(let disk, let gb):
      return
        "snapshot \(PlanStep.diskLabel(disk))\(gb > 0 ? " (\(gb) GB)" : "") as \(r.name) in \(r.resourceGroup)"
    case .deleteSnapshot:
      return "delete snapshot \(r.name) in \(r.resourceGroup)"
        + (r.size.map { " (the copy of \(PlanStep.diskLabel($0)))" } ?? "")
    case .createDiskFromSnapshot(let snapshot, let gb, let sku):
      return
        "create \(gb) GB \(tierName(sku)) disk \(r.name) from snapshot \(snapshot) in \(r.resourceGroup)"
    default: return nil
    }
  }

  /// Why a snapshot request cannot be planned.
  static func snapshotProblem(_ p: PlanProblem) -> String? {
    switch p {
    case .snapshotNotFound(let name):
      return "There is no snapshot named \(name). \"list my snapshots\" shows what exists."
    case .nameTaken(let kind, let name):
      return "A \(kind) named \(name) already exists there; name another (\"called …\")."
    case .whichDataDisk(let vm, let disks):
      return disks.isEmpty
        ? "\(vm) has no data disk; \"snapshot \(vm)\" takes its OS disk."
        : "\(vm) has several data disks: \(list(disks, or: true)). Name the one to snapshot."
    default: return nil
    }
  }

  /// "The snapshot is copied to a new disk …": what a restore leaves as it is.
  static func restoredToNewDisk(disk: String, vm: String?) -> String {
    "The snapshot is copied to a new disk, \(disk); "
      + (vm.map { "\($0)'s disks are left as they are (\"attach \(disk) to \($0)\" adds it)." }
        ?? "nothing attached is replaced.")
  }

  /// "before resizing, snapshot sam": the resize is left for when its size is named.
  static func resizeNeedsSize(_ vm: String) -> String {
    "\(vm) is not resized in this plan: no size was named. Once the snapshot is taken, say the size (\"resize \(vm) to Standard_D4s_v5\")."
  }

  /// "a snapshot of sam is of its OS disk".
  static func osDiskAssumption(_ vm: String) -> String { "\(vm)'s OS disk (not its data disks)" }

  /// The snapshots as a table, with what they cost at most.
  static func snapshotTable(_ snapshots: [LiveState.Snapshot], monthly: Money) -> [String] {
    guard !snapshots.isEmpty else { return ["No snapshots."] }
    return table(
      ["NAME", "GROUP", "SIZE", "OF DISK", "STATE"],
      snapshots.map {
        [
          $0.name, $0.resourceGroup, "\($0.sizeGB) GB",
          $0.sourceDisk.map { PlanStep.diskLabel($0).replacingOccurrences(of: "disk ", with: "") }
            ?? "-",
          $0.provisioningState,
        ]
      })
      + [
        "Snapshots cost at most \(monthly.perMonth) (Azure bills the used part of each disk)."
      ]
  }
}
