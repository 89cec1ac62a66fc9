import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// The snapshot and disk resource types, as in their IDs.
  static let snapshotResourceType = "Microsoft.Compute/snapshots"

  /// `az snapshot create --source DISK`: a full copy of a managed disk (or of another snapshot),
  /// named in the command's group or by ID. A name already taken by a snapshot of the same
  /// source is an update of its tags; of another source, Azure's `PropertyChangeNotAllowed`.
  func snapshotCreate(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    let name = call.string("--name")!
    try validateName(name, as: .snapshot)
    let group = state.groups[try requireWritableGroup(call.string("--resource-group")!, in: state)]
    guard let sourceText = call.string("--source") else {
      throw SimulatorFailure.usage(
        "usage error: --source is required: a managed disk or snapshot, by name or ID.")
    }
    let source = try snapshotSource(sourceText, group: group.name, in: state)
    let location =
      try call.string("--location").map {
        try region($0, resourceType: Self.snapshotResourceType)
      } ?? group.location
    if let index = state.diskSnapshots.firstIndex(where: {
      Self.same($0.resourceGroup, group.name) && Self.same($0.name, name)
    }) {
      let existing = state.diskSnapshots[index]
      guard Self.same(existing.sourceResourceId, source.id) else {
        throw SimulatorFailure.azure(
          "PropertyChangeNotAllowed", "Changing property 'sourceResourceId' is not allowed.")
      }
      try Self.busyConflict(
        "update", kind: "snapshot", name: existing.name, busy: existing.busy, at: call.now)
      if let tags = Self.tags(call.strings("--tags")) { state.diskSnapshots[index].tags = tags }
      return SimulatorResponse(
        snapshotJSON(state.diskSnapshots[index], at: call.now), duration: Self.readDuration)
    }
    if let sizeGb = call.int("--size-gb") {
      try Self.checkDiskSize(sizeGb)
      guard sizeGb >= source.sizeGb else {
        throw SimulatorFailure.azure(
          "BadRequest",
          "Disk size can only be increased: the source is \(source.sizeGb) GB, \(sizeGb) GB was asked for."
        )
      }
    }
    let snapshot = SimulatedSnapshot(
      name: name, resourceGroup: group.name, location: location,
      sizeGb: call.int("--size-gb") ?? source.sizeGb, sku: call.string("--sku") ?? "Standard_LRS",
      sourceResourceId: source.id, sourceUniqueId: source.uniqueId, osType: source.osType,
      incremental: call.string("--incremental") == "true",
      tags: Self.tags(call.strings("--tags")) ?? [:], timeCreated: Self.azureTimestamp(call.now),
      uniqueId: ids.next(),
      busy: SimulatorBusyState(
        operation: "create", until: Self.completion(call), provisioningState: "Creating",
        powerState: nil),
      deletingAt: nil)
    state.diskSnapshots.append(snapshot)
    if call.has("--no-wait") { return SimulatorResponse(nil, duration: Self.waited(call)) }
    return SimulatorResponse(
      snapshotJSON(snapshot, at: Date(timeIntervalSince1970: Self.completion(call))),
      duration: Self.waited(call))
  }

  /// `az snapshot show`.
  func snapshotShow(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    let values = try targets(call).map { target -> JSONValue in
      _ = try requireGroup(target.group, in: state)
      guard let snapshot = diskSnapshot(target.group, target.name, in: state) else {
        throw Self.notFound(Self.snapshotResourceType, target)
      }
      return snapshotJSON(snapshot, at: call.now)
    }
    return SimulatorResponse(
      call.has("--ids") && values.count != 1 ? .array(values) : values[0],
      duration: Self.readDuration)
  }

  /// `az snapshot list [-g]`, sorted by group and name.
  func snapshotList(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    var snapshots = state.diskSnapshots
    if let group = call.string("--resource-group") {
      _ = try requireGroup(group, in: state)
      snapshots = snapshots.filter { Self.same($0.resourceGroup, group) }
    }
    snapshots.sort {
      ($0.resourceGroup.lowercased(), $0.name.lowercased()) < (
        $1.resourceGroup.lowercased(), $1.name.lowercased()
      )
    }
    return SimulatorResponse(
      .array(snapshots.map { snapshotJSON($0, at: call.now) }), duration: Self.readDuration)
  }

  /// `az snapshot delete` (az asks no confirmation): a snapshot that does not exist is deleted
  /// already, as ARM's DELETE says.
  func snapshotDelete(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    for target in try targets(call) {
      _ = try requireGroup(target.group, in: state)
      guard
        let index = state.diskSnapshots.firstIndex(where: {
          Self.same($0.resourceGroup, target.group) && Self.same($0.name, target.name)
        })
      else { continue }
      if state.diskSnapshots[index].deletingAt == nil {
        state.diskSnapshots[index].deletingAt = Self.completion(call)
        state.diskSnapshots[index].busy = SimulatorBusyState(
          operation: "delete", until: Self.completion(call), provisioningState: "Deleting",
          powerState: nil)
      }
    }
    return SimulatorResponse(nil, duration: Self.waited(call))
  }

  /// `az disk create --source SNAPSHOT`: a new managed disk holding a copy of a snapshot (or of
  /// another disk). A disk name already taken is Azure's `PropertyChangeNotAllowed` when it
  /// was made from something else.
  func diskCreateFromSource(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    let name = call.string("--name")!
    let group = state.groups[try requireWritableGroup(call.string("--resource-group")!, in: state)]
    let source = try snapshotSource(call.string("--source")!, group: group.name, in: state)
    let location =
      try call.string("--location").map { try region($0, resourceType: ResourceType.disk) }
      ?? group.location
    if let existing = state.disks.first(where: {
      Self.same($0.resourceGroup, group.name) && Self.same($0.name, name)
    }) {
      guard existing.sourceResourceId.map({ Self.same($0, source.id) }) == true else {
        throw SimulatorFailure.azure(
          "PropertyChangeNotAllowed", "Changing property 'sourceResourceId' is not allowed.")
      }
      return SimulatorResponse(diskJSON(existing, state, at: call.now), duration: Self.readDuration)
    }
    let sizeGb = call.int("--size-gb") ?? source.sizeGb
    try Self.checkDiskSize(sizeGb)
    guard sizeGb >= source.sizeGb else {
      throw SimulatorFailure.azure(
        "BadRequest",
        "Disk size can only be increased: the source is \(source.sizeGb) GB, \(sizeGb) GB was asked for."
      )
    }
    var disk = SimulatedDisk(
      name: name, resourceGroup: group.name, location: location, sizeGb: sizeGb,
      sku: call.string("--sku") ?? "Premium_LRS", managedBy: nil,
      osType: call.string("--os-type") ?? source.osType, createOption: "Copy",
      imageReferenceId: nil, tags: Self.tags(call.strings("--tags")) ?? [:],
      timeCreated: Self.azureTimestamp(call.now), uniqueId: ids.next(),
      busy: SimulatorBusyState(
        operation: "create", until: Self.completion(call), provisioningState: "Creating",
        powerState: nil),
      deletingAt: nil)
    disk.sourceResourceId = source.id
    state.disks.append(disk)
    if call.has("--no-wait") { return SimulatorResponse(nil, duration: Self.waited(call)) }
    return SimulatorResponse(
      diskJSON(disk, state, at: Date(timeIntervalSince1970: Self.completion(call))),
      duration: Self.waited(call), table: Self.diskTable)
  }

  /// What `--source` names, resolved as az resolves it: an ID of a disk or snapshot, or a name
  /// in `group` looked up as a snapshot first, then as a disk.
  /// - Throws: az's `ResourceNotFound` for the disk when neither exists (what az reports after
  ///   its snapshot look-up fails).
  private func snapshotSource(_ text: String, group: String, in state: SimulatorState) throws
    -> (id: String, uniqueId: String, sizeGb: Int, osType: String?)
  {
    var target = SimulatorTarget(group: group, name: text)
    var kinds = [Self.snapshotResourceType, ResourceType.disk]
    if text.hasPrefix("/") {
      target = try Self.parseID(text)
      kinds = kinds.filter { text.lowercased().contains("/" + $0.lowercased() + "/") }
    }
    for kind in kinds {
      if kind == Self.snapshotResourceType,
        let snapshot = diskSnapshot(target.group, target.name, in: state)
      {
        return (
          Self.resourceID(kind, group: snapshot.resourceGroup, name: snapshot.name),
          snapshot.uniqueId, snapshot.sizeGb, snapshot.osType
        )
      }
      if kind == ResourceType.disk, let disk = disk(target.group, target.name, in: state) {
        return (
          Self.resourceID(kind, group: disk.resourceGroup, name: disk.name), disk.uniqueId,
          disk.sizeGb, disk.osType
        )
      }
    }
    _ = try requireGroup(target.group, in: state)
    throw Self.notFound(kinds.last ?? ResourceType.disk, target)
  }

  /// The snapshot `name` in `group`, unless it is gone.
  func diskSnapshot(_ group: String, _ name: String, in state: SimulatorState) -> SimulatedSnapshot?
  {
    state.diskSnapshots.first { Self.same($0.resourceGroup, group) && Self.same($0.name, name) }
  }

  /// A snapshot as az prints it.
  func snapshotJSON(_ snapshot: SimulatedSnapshot, at now: Date) -> JSONValue {
    let provisioning =
      snapshot.busy.flatMap { $0.isActive(at: now) ? $0.provisioningState : nil } ?? "Succeeded"
    return .object([
      ("completionPercent", .null),
      ("copyCompletionError", .null),
      (
        "creationData",
        .object([
          ("createOption", "Copy"),
          ("sourceResourceId", .string(snapshot.sourceResourceId)),
          ("sourceUniqueId", .string(snapshot.sourceUniqueId)),
        ])
      ),
      ("diskSizeBytes", .number(Double(snapshot.sizeGb) * 1_073_741_824)),
      ("diskSizeGb", .number(Double(snapshot.sizeGb))),
      ("diskState", "Unattached"),
      (
        "encryption",
        .object([("diskEncryptionSetId", .null), ("type", "EncryptionAtRestWithPlatformKey")])
      ),
      ("hyperVGeneration", snapshot.osType == nil ? .null : "V2"),
      (
        "id",
        .string(
          Self.resourceID(
            Self.snapshotResourceType, group: snapshot.resourceGroup, name: snapshot.name))
      ),
      ("incremental", .bool(snapshot.incremental)),
      ("location", .string(snapshot.location)),
      ("managedBy", .null),
      ("name", .string(snapshot.name)),
      ("networkAccessPolicy", "AllowAll"),
      ("osType", .optional(snapshot.osType)),
      ("provisioningState", .string(provisioning)),
      ("publicNetworkAccess", "Enabled"),
      ("resourceGroup", .string(snapshot.resourceGroup)),
      (
        "sku",
        .object([
          ("name", .string(snapshot.sku)),
          ("tier", .string(snapshot.sku.hasPrefix("Premium") ? "Premium" : "Standard")),
        ])
      ),
      ("tags", Self.tagsJSON(snapshot.tags)),
      ("timeCreated", .string(snapshot.timeCreated)),
      ("type", .string(Self.snapshotResourceType)),
      ("uniqueId", .string(snapshot.uniqueId)),
    ])
  }

  /// The snapshots as live state keeps them.
  func liveSnapshots(_ state: SimulatorState, at now: Date) -> [LiveState.Snapshot] {
    state.diskSnapshots.map {
      LiveState.Snapshot(
        name: $0.name, resourceGroup: $0.resourceGroup, location: $0.location, sizeGB: $0.sizeGb,
        sku: $0.sku, sourceDiskID: $0.sourceResourceId,
        provisioningState: $0.busy.flatMap { $0.isActive(at: now) ? $0.provisioningState : nil }
          ?? "Succeeded")
    }
  }
}

extension SimulatorState {
  /// The snapshots (`snapshots` is optional so that state files written before snapshots were
  /// modelled read as they are).
  var diskSnapshots: [SimulatedSnapshot] {
    get { snapshots ?? [] }
    set { snapshots = newValue.isEmpty ? nil : newValue }
  }

  /// Completes snapshot deletions that are due at `now`, and those of groups being deleted
  /// (a snapshot goes with its group); called before the groups themselves settle.
  mutating func settleSnapshots(at now: Date) {
    guard snapshots != nil else { return }
    let t = now.timeIntervalSince1970
    let doomedGroups = Set(
      groups.filter { $0.deletingAt.map { $0 <= t } ?? false }.map { $0.name.lowercased() })
    var kept = diskSnapshots.filter {
      !doomedGroups.contains($0.resourceGroup.lowercased())
        && !($0.deletingAt.map { $0 <= t } ?? false)
    }
    for i in kept.indices { kept[i].busy = kept[i].busy.flatMap { $0.until <= t ? nil : $0 } }
    diskSnapshots = kept
  }
}
