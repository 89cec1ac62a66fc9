import AzlinAzure
import AzlinCore
import AzlinLedger
import Foundation

extension CommandPlanner {
  /// The tier of a disk made from a snapshot when the disk it was taken of is gone.
  static let restoredDiskSku = "Premium_LRS"

  /// Plans snapshots: taking one of a disk, deleting one, making a disk from one.
  ///
  /// A snapshot of "sam" is of sam's OS disk (its data disks are named on their own: "sam's data
  /// disk", or the disk's name); a disk made from a snapshot is a new disk, in the snapshot's
  /// group and region, and nothing attached is replaced.
  func addSnapshotStep(_ intent: Intent, to b: inout PlanBuilder) -> PlanningOutcome? {
    let p = intent.parameters
    switch intent.kind {
    case .createSnapshot: return addSnapshotCreate(p, to: &b)
    case .deleteSnapshot:
      guard !p.names.isEmpty else { return .refused(.nothingNamed("snapshot")) }
      for name in p.names {
        switch snapshot(named: name, group: p.resourceGroup, in: b.world) {
        case .failure(let refusal): return .refused(refusal.problem)
        case .success(let snapshot):
          b.append(
            action: .destroy, operation: .deleteSnapshot,
            resource: ResourceRef(
              kind: .snapshot, name: snapshot.name, resourceGroup: snapshot.resourceGroup,
              location: snapshot.location, size: snapshot.sourceDisk),
            azureOperation: .snapshotDelete(name: snapshot.name, group: snapshot.resourceGroup),
            inverse: nil)
          b.world.snapshots.removeAll { $0 == snapshot }
        }
      }
      return nil
    case .restoreSnapshot: return addDiskFromSnapshot(p, to: &b)
    default: return nil
    }
  }

  /// "before resizing, snapshot sam": a resize that names no size, asked for after a snapshot on
  /// the same line, is not planned (there is no size to plan); the snapshot is, and a note says
  /// the resize waits for its size.
  static func isSizelessResizeAfterSnapshot(_ index: Int, in intents: [Intent]) -> Bool {
    let intent = intents[index]
    guard intent.kind == .resizeVM, intent.parameters.size == nil,
      intent.parameters.sizeChange == nil
    else { return false }
    return intents[..<index].contains { $0.kind == .createSnapshot }
  }

  /// The VMs of the resizes `isSizelessResizeAfterSnapshot` leaves out.
  static func sizelessResizesAfterSnapshots(_ intents: [Intent]) -> [String] {
    intents.indices.filter { isSizelessResizeAfterSnapshot($0, in: intents) }.flatMap {
      intents[$0].parameters.names.isEmpty ? ["it"] : intents[$0].parameters.names
    }
  }

  /// The read-only answer to "list my snapshots" (in a group, or of a VM's disks).
  func snapshotReport(_ intent: Intent, live: LiveState) -> PlanningOutcome {
    let p = intent.parameters
    var snapshots = live.snapshots
    if let g = p.resourceGroup {
      snapshots = snapshots.filter { $0.resourceGroup.lowercased() == g.lowercased() }
    }
    if let name = p.vm {
      guard let vm = live.vms(named: name).first else {
        return .refused(.vmNotFound(name, group: p.resourceGroup))
      }
      let disks = Set(
        live.disks.filter { $0.managedBy?.lowercased() == vm.id.lowercased() }.map {
          $0.name.lowercased()
        })
      snapshots = snapshots.filter { $0.sourceDisk.map { disks.contains($0.lowercased()) } == true }
    }
    if let disk = p.disk, !["os", "data"].contains(disk) {
      snapshots = snapshots.filter { $0.sourceDisk?.lowercased() == disk.lowercased() }
    }
    return .report(.snapshots(snapshots))
  }

  private func addSnapshotCreate(_ p: IntentParameters, to b: inout PlanBuilder)
    -> PlanningOutcome?
  {
    let disk: LiveState.Disk
    var owner: LiveState.VM?
    switch snapshotSource(p, in: b.world) {
    case .failure(let refusal): return .refused(refusal.problem)
    case .success(let found): (disk, owner) = found
    }
    let isOS = PlanStep.isOSDisk(disk, in: b.world)
    if isOS, let vm = owner { b.assume(.osDiskOf(vm.name)) }
    let name: String
    if let given = p.names.first {
      name = given
    } else {
      let stem = isOS && owner != nil ? "\(owner!.name)-os" : disk.name
      var n = 1
      while b.world.snapshots.contains(where: {
        $0.name.lowercased() == "\(stem)-snap-\(n)".lowercased()
          && $0.resourceGroup.lowercased() == disk.resourceGroup.lowercased()
      }) { n += 1 }
      name = "\(stem)-snap-\(n)"
      b.assume(.generatedName(name))
    }
    if let problem = Self.nameViolation(name, as: .snapshot) {
      return .refused(.invalidName(problem))
    }
    if b.world.snapshots.contains(where: {
      $0.name.lowercased() == name.lowercased()
        && $0.resourceGroup.lowercased() == disk.resourceGroup.lowercased()
    }) {
      return .refused(.nameTaken(kind: "snapshot", name: name))
    }
    let location =
      owner?.location ?? b.world.group(named: disk.resourceGroup)?.location ?? defaults.region
    b.append(
      action: .create, operation: .createSnapshot(disk: disk.name, sizeGB: disk.sizeGB),
      resource: ResourceRef(
        kind: .snapshot, name: name, resourceGroup: disk.resourceGroup, location: location,
        size: disk.name),
      azureOperation: .snapshotCreate(
        name: name, group: disk.resourceGroup, location: location, disk: disk.name),
      inverse: .snapshotDelete(name: name, group: disk.resourceGroup))
    b.world.snapshots.append(
      .init(
        name: name, resourceGroup: disk.resourceGroup, location: location, sizeGB: disk.sizeGB,
        sku: CostEstimator.snapshotSku, sourceDiskID: disk.name))
    return nil
  }

  private func addDiskFromSnapshot(_ p: IntentParameters, to b: inout PlanBuilder)
    -> PlanningOutcome?
  {
    guard let source = p.snapshot else { return .refused(.nothingNamed("snapshot")) }
    let snapshot: LiveState.Snapshot
    switch self.snapshot(named: source, group: p.resourceGroup, in: b.world) {
    case .failure(let refusal): return .refused(refusal.problem)
    case .success(let found): snapshot = found
    }
    let group = snapshot.resourceGroup
    let name: String
    if let given = p.names.first {
      name = given
    } else {
      var n = 1
      while b.world.disks.contains(where: {
        $0.name.lowercased() == "\(snapshot.name)-disk-\(n)".lowercased()
      }) { n += 1 }
      name = "\(snapshot.name)-disk-\(n)"
      b.assume(.generatedName(name))
    }
    if let problem = Self.nameViolation(name, as: .disk) {
      return .refused(.invalidName(problem))
    }
    if b.world.disks.contains(where: {
      $0.name.lowercased() == name.lowercased()
        && $0.resourceGroup.lowercased() == group.lowercased()
    }) {
      return .refused(.nameTaken(kind: "disk", name: name))
    }
    let sourceDisk = b.world.disks.first {
      $0.name.lowercased() == snapshot.sourceDisk?.lowercased()
    }
    let sku = sourceDisk?.sku ?? Self.restoredDiskSku
    if sourceDisk == nil { b.assume(.sku(sku)) }
    b.append(
      action: .create,
      operation: .createDiskFromSnapshot(
        snapshot: snapshot.name, sizeGB: snapshot.sizeGB, sku: sku),
      resource: ResourceRef(
        kind: .disk, name: name, resourceGroup: group, location: snapshot.location,
        size: "\(snapshot.sizeGB)"),
      azureOperation: .diskCreateFromSnapshot(
        name: name, group: group, location: snapshot.location, snapshot: snapshot.name,
        sku: sku),
      inverse: .diskDelete(name: name, group: group))
    b.world.disks.append(
      .init(name: name, resourceGroup: group, sizeGB: snapshot.sizeGB, sku: sku, managedBy: nil))
    b.notes.append(.restoredToNewDisk(disk: name, vm: p.vm))
    return nil
  }

  /// The disk a snapshot is asked of, with the VM it is attached to: a disk named, the OS disk
  /// of the VM named (or "os"), or the VM's one data disk ("data").
  private func snapshotSource(_ p: IntentParameters, in world: LiveState)
    -> Result<(LiveState.Disk, LiveState.VM?), SnapshotRefusal>
  {
    let same: (String?, String?) -> Bool = { $0?.lowercased() == $1?.lowercased() }
    func owner(of disk: LiveState.Disk) -> LiveState.VM? {
      world.vms.first { !$0.id.isEmpty && same($0.id, disk.managedBy) }
    }
    if let name = p.disk, name != "os", name != "data" {
      guard let disk = world.disks.first(where: { same($0.name, name) }) else {
        return .failure(SnapshotRefusal(problem: .diskNotFound(name)))
      }
      return .success((disk, owner(of: disk)))
    }
    guard let vmName = p.vm else {
      return .failure(SnapshotRefusal(problem: .nothingNamed("VM or disk")))
    }
    let vms = world.vms(named: vmName).filter {
      p.resourceGroup == nil || same($0.resourceGroup, p.resourceGroup)
    }
    guard let vm = vms.first else {
      return .failure(SnapshotRefusal(problem: .vmNotFound(vmName, group: p.resourceGroup)))
    }
    let attached = world.disks.filter { !vm.id.isEmpty && same($0.managedBy, vm.id) }
    if p.disk == "data" {
      let data = attached.filter { !PlanStep.isOSDisk($0, in: world) }
      guard data.count == 1 else {
        return .failure(
          SnapshotRefusal(problem: .whichDataDisk(vm: vm.name, disks: data.map(\.name))))
      }
      return .success((data[0], vm))
    }
    guard let os = attached.first(where: { PlanStep.isOSDisk($0, in: world) }) else {
      return .failure(SnapshotRefusal(problem: .diskNotFound("\(vm.name)'s OS disk")))
    }
    return .success((os, vm))
  }

  /// The one snapshot named `name` (in `group`, when given).
  private func snapshot(named name: String, group: String?, in world: LiveState)
    -> Result<LiveState.Snapshot, SnapshotRefusal>
  {
    let found = world.snapshots(named: name).filter {
      group == nil || $0.resourceGroup.lowercased() == group!.lowercased()
    }
    guard let first = found.first else {
      return .failure(SnapshotRefusal(problem: .snapshotNotFound(name)))
    }
    guard found.count == 1 else {
      return .failure(SnapshotRefusal(problem: .nothingNamed("resource group's snapshot \(name)")))
    }
    return .success(first)
  }
}

extension PlanBuilder {
  /// What a snapshot step, or a disk made from a snapshot, touches besides itself: the disk it
  /// copies and that disk's VM (so "before resizing, snapshot sam" takes the snapshot before
  /// the resize starts), or the snapshot a disk is made from.
  func snapshotTouches(_ operation: StepOperation, _ resource: ResourceRef) -> [String] {
    let group = resource.resourceGroup.lowercased()
    switch operation {
    case .createSnapshot(let disk, _):
      var keys = [
        "snapshot/\(group)/\(resource.name.lowercased())", "disk/\(group)/\(disk.lowercased())",
      ]
      if let owner = world.disks.first(where: {
        $0.name.lowercased() == disk.lowercased() && $0.resourceGroup.lowercased() == group
      })?.managedBy?.lowercased(),
        let vm = world.vms.first(where: { $0.id.lowercased() == owner })
      {
        keys.append("vm/\(vm.resourceGroup.lowercased())/\(vm.name.lowercased())")
      }
      return keys
    case .deleteSnapshot: return ["snapshot/\(group)/\(resource.name.lowercased())"]
    case .createDiskFromSnapshot(let snapshot, _, _):
      return ["snapshot/\(group)/\(snapshot.lowercased())"]
    default: return []
    }
  }
}

/// Why a snapshot step cannot be planned, carried through a `Result`.
struct SnapshotRefusal: Error {
  var problem: PlanProblem
}
