import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// `az disk create`: an empty managed disk; for an existing disk, an update (it may grow,
  /// and only while unattached or its VM is deallocated, as Azure allows); with `--source`, a
  /// copy of a snapshot or disk (`diskCreateFromSource`).
  func diskCreate(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse
  {
    let name = call.string("--name")!
    try validateName(name, as: .disk)
    if call.has("--source") { return try diskCreateFromSource(call, &state) }
    let group = state.groups[try requireWritableGroup(call.string("--resource-group")!, in: state)]
    let location =
      try call.string("--location").map { try region($0, resourceType: ResourceType.disk) }
      ?? group.location
    if let index = state.disks.firstIndex(where: {
      Self.same($0.resourceGroup, group.name) && Self.same($0.name, name)
    }) {
      return try diskUpdate(call, &state, index: index, location: location)
    }
    guard let sizeGb = call.int("--size-gb") else {
      throw SimulatorFailure.usage(
        "usage error: --size-gb is required to create an empty disk (or give --source).")
    }
    try Self.checkDiskSize(sizeGb)
    let disk = SimulatedDisk(
      name: name, resourceGroup: group.name, location: location, sizeGb: sizeGb,
      sku: call.string("--sku") ?? "Premium_LRS", managedBy: nil, osType: call.string("--os-type"),
      createOption: "Empty", imageReferenceId: nil, tags: Self.tags(call.strings("--tags")) ?? [:],
      timeCreated: Self.azureTimestamp(call.now), uniqueId: ids.next(),
      busy: SimulatorBusyState(
        operation: "create", until: Self.completion(call), provisioningState: "Creating",
        powerState: nil),
      deletingAt: nil)
    state.disks.append(disk)
    if call.has("--no-wait") { return SimulatorResponse(nil, duration: Self.waited(call)) }
    return SimulatorResponse(
      diskJSON(disk, state, at: Date(timeIntervalSince1970: Self.completion(call))),
      duration: Self.waited(call),
      table: Self.diskTable)
  }

  private func diskUpdate(
    _ call: SimulatorCall, _ state: inout SimulatorState, index: Int, location: String
  ) throws
    -> SimulatorResponse
  {
    let disk = state.disks[index]
    guard disk.location == location else {
      throw SimulatorFailure.azure(
        "InvalidResourceLocation",
        "The resource '\(disk.name)' already exists in location '\(disk.location)' in resource group "
          + "'\(disk.resourceGroup)'. A resource with the same name cannot be created in location '\(location)'. "
          + "Please select a new resource name.")
    }
    try Self.busyConflict("update", kind: "disk", name: disk.name, busy: disk.busy, at: call.now)
    if let sizeGb = call.int("--size-gb"), sizeGb != disk.sizeGb {
      try Self.checkDiskSize(sizeGb)
      guard sizeGb > disk.sizeGb else {
        throw SimulatorFailure.azure(
          "BadRequest",
          "Disk size can only be increased: '\(disk.name)' is \(disk.sizeGb) GB, \(sizeGb) GB was asked for."
        )
      }
      if let owner = disk.managedBy, owningVM(owner, in: state)?.powerState != "deallocated" {
        throw SimulatorFailure.azure(
          "OperationNotAllowed",
          "Disk resizing is allowed only when creating a VM or when the VM is deallocated.")
      }
      state.disks[index].sizeGb = sizeGb
    }
    if let sku = call.string("--sku") { state.disks[index].sku = sku }
    if let tags = Self.tags(call.strings("--tags")) { state.disks[index].tags = tags }
    if call.has("--no-wait") { return SimulatorResponse(nil, duration: Self.waited(call)) }
    return SimulatorResponse(
      diskJSON(state.disks[index], state, at: call.now), duration: Self.waited(call))
  }

  /// `az disk show`.
  func diskShow(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    let values = try targets(call).map { target -> JSONValue in
      _ = try requireGroup(target.group, in: state)
      guard let disk = disk(target.group, target.name, in: state) else {
        throw Self.notFound(ResourceType.disk, target)
      }
      return diskJSON(disk, state, at: call.now)
    }
    return SimulatorResponse(
      call.has("--ids") && values.count != 1 ? .array(values) : values[0],
      duration: Self.readDuration,
      table: Self.diskTable)
  }

  /// `az disk list [-g]`, sorted by group and name; OS disks are managed disks too.
  func diskList(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    var disks = state.disks
    if let group = call.string("--resource-group") {
      _ = try requireGroup(group, in: state)
      disks = disks.filter { Self.same($0.resourceGroup, group) }
    }
    disks.sort {
      ($0.resourceGroup.lowercased(), $0.name.lowercased()) < (
        $1.resourceGroup.lowercased(), $1.name.lowercased()
      )
    }
    return SimulatorResponse(
      .array(disks.map { diskJSON($0, state, at: call.now) }), duration: Self.readDuration,
      table: Self.diskTable)
  }

  /// az's table for disks: Name, ResourceGroup, Location, Zones, Sku, OsType, SizeGb, ProvisioningState.
  static let diskTable: SimulatorRenderer.TableTransform = { value in
    let columns: [(String, String)] = [
      ("Name", "name"), ("ResourceGroup", "resourceGroup"), ("Location", "location"),
      ("Zones", "zones"),
      ("Sku", "sku.name"), ("OsType", "osType"), ("SizeGb", "diskSizeGb"),
      ("ProvisioningState", "provisioningState"),
    ]
    return (value.arrayValue ?? [value]).map { disk -> [(String, JSONValue)] in
      columns.map { column -> (String, JSONValue) in
        let cell = disk.value(at: column.1) ?? .null
        return (column.0, column.0 == "Zones" && cell == .null ? .string("") : cell)
      }
    }
  }

  /// `az disk delete --yes`: refused while attached; a disk that does not exist is deleted
  /// already, as ARM's DELETE says.
  func diskDelete(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse
  {
    try requireConfirmation(call)
    for target in try targets(call) {
      _ = try requireGroup(target.group, in: state)
      guard
        let index = state.disks.firstIndex(where: {
          Self.same($0.resourceGroup, target.group) && Self.same($0.name, target.name)
        })
      else { continue }
      let disk = state.disks[index]
      if let owner = disk.managedBy {
        throw SimulatorFailure.azure(
          "OperationNotAllowed", "Disk \(disk.name) is attached to VM \(owner).")
      }
      if disk.deletingAt == nil {
        state.disks[index].deletingAt = Self.completion(call)
        state.disks[index].busy = SimulatorBusyState(
          operation: "delete", until: Self.completion(call), provisioningState: "Deleting",
          powerState: nil)
      }
    }
    return SimulatorResponse(nil, duration: Self.waited(call))
  }

  /// The VM whose ID is `id`, if it exists.
  func owningVM(_ id: String, in state: SimulatorState) -> SimulatedVirtualMachine? {
    guard let target = try? Self.parseID(id) else { return nil }
    return vmIndex(target, in: state).map { state.virtualMachines[$0] }
  }

  /// Azure's limit on a managed disk's size.
  static func checkDiskSize(_ sizeGb: Int) throws {
    guard (1...32767).contains(sizeGb) else {
      throw SimulatorFailure.azure(
        "InvalidParameter",
        "The value \(sizeGb) of parameter 'diskSizeGB' is out of range. Value must be between 1 and 32767."
      )
    }
  }

  /// A managed disk as az prints it.
  func diskJSON(_ disk: SimulatedDisk, _ state: SimulatorState, at now: Date) -> JSONValue {
    let performance = Self.diskPerformance(sku: disk.sku, sizeGb: disk.sizeGb)
    let diskState: String
    if let owner = disk.managedBy {
      diskState = owningVM(owner, in: state)?.powerState == "deallocated" ? "Reserved" : "Attached"
    } else {
      diskState = "Unattached"
    }
    let provisioning =
      disk.busy.flatMap { $0.isActive(at: now) ? $0.provisioningState : nil } ?? "Succeeded"
    let tier: String
    switch disk.sku {
    case "Premium_LRS", "Premium_ZRS", "PremiumV2_LRS": tier = "Premium"
    case "UltraSSD_LRS": tier = "Ultra"
    default: tier = "Standard"
    }
    return .object([
      ("burstingEnabled", .null),
      ("completionPercent", .null),
      (
        "creationData",
        .object([
          ("createOption", .string(disk.createOption)),
          (
            "imageReference",
            disk.imageReferenceId.map { .object([("id", .string($0)), ("lun", .null)]) } ?? .null
          ),
          ("sourceResourceId", .optional(disk.sourceResourceId)),
        ])
      ),
      ("diskIOPSReadWrite", .number(Double(performance.iops))),
      ("diskMBpsReadWrite", .number(Double(performance.mbps))),
      ("diskSizeBytes", .number(Double(disk.sizeGb) * 1_073_741_824)),
      ("diskSizeGb", .number(Double(disk.sizeGb))),
      ("diskState", .string(diskState)),
      (
        "encryption",
        .object([("diskEncryptionSetId", .null), ("type", "EncryptionAtRestWithPlatformKey")])
      ),
      ("hyperVGeneration", disk.osType == nil ? .null : "V2"),
      (
        "id",
        .string(Self.resourceID(ResourceType.disk, group: disk.resourceGroup, name: disk.name))
      ),
      ("location", .string(disk.location)),
      ("managedBy", .optional(disk.managedBy)),
      ("name", .string(disk.name)),
      ("networkAccessPolicy", "AllowAll"),
      ("osType", .optional(disk.osType)),
      ("provisioningState", .string(provisioning)),
      ("publicNetworkAccess", "Enabled"),
      ("resourceGroup", .string(disk.resourceGroup)),
      ("sku", .object([("name", .string(disk.sku)), ("tier", .string(tier))])),
      ("tags", Self.tagsJSON(disk.tags)),
      ("tier", .optional(performance.tier)),
      ("timeCreated", .string(disk.timeCreated)),
      ("type", .string(ResourceType.disk)),
      ("uniqueId", .string(disk.uniqueId)),
      ("zones", .null),
    ])
  }

  /// Provisioned IOPS, throughput and (for Premium SSD) the performance tier of a disk.
  static func diskPerformance(sku: String, sizeGb: Int) -> (iops: Int, mbps: Int, tier: String?) {
    let premium: [(Int, String, Int, Int)] = [
      (4, "P1", 120, 25), (8, "P2", 120, 25), (16, "P3", 120, 25), (32, "P4", 120, 25),
      (64, "P6", 240, 50),
      (128, "P10", 500, 100), (256, "P15", 1100, 125), (512, "P20", 2300, 150),
      (1024, "P30", 5000, 200),
      (2048, "P40", 7500, 250), (4096, "P50", 7500, 250), (8192, "P60", 16000, 500),
      (16384, "P70", 18000, 750),
      (32767, "P80", 20000, 900),
    ]
    switch sku {
    case "Premium_LRS", "Premium_ZRS":
      let row = premium.first { sizeGb <= $0.0 } ?? premium[premium.count - 1]
      return (row.2, row.3, row.1)
    case "UltraSSD_LRS", "PremiumV2_LRS":
      return (3000, 125, nil)
    default:
      if sizeGb > 16384 { return (6000, 750, nil) }
      if sizeGb > 8192 { return (4000, 600, nil) }
      if sizeGb > 4096 { return (2000, 400, nil) }
      return (500, 60, nil)
    }
  }
}
