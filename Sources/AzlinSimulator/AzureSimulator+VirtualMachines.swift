import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// The size `az vm create` uses when `--size` is not given.
  static let defaultVMSize = "Standard_DS1_v2"
  /// The admin user when `--admin-username` is not given (az uses the local user's name;
  /// the simulator uses a fixed one so its output does not depend on who runs it).
  static let defaultAdminUsername = "azureuser"
  /// The key a VM gets with `--generate-ssh-keys` (the simulator writes no key files).
  static let generatedSSHKey =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDazlinSimulatorGeneratedKey azlin-simulator"

  /// `az vm create`: a VM with its OS disk, data disks, NIC, public IP and (when the group
  /// has none in the region) a virtual network `<name>VNET` with subnet `<name>Subnet`.
  ///
  /// Running it again for an existing VM updates that VM in place, as Azure's PUT does: the
  /// size may change (quota and availability are checked again) and the tags are replaced.
  /// Azure refuses only what it refuses: another location (`InvalidResourceLocation`) or
  /// another image (`PropertyChangeNotAllowed`). Quota counts every VM in the region, running,
  /// stopped or deallocated; a size the region does not offer fails with `SkuNotAvailable`.
  func vmCreate(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    let groupName = call.string("--resource-group")!
    let name = call.string("--name")!
    try validateName(name, as: .virtualMachine)
    let groupIndex = try requireWritableGroup(groupName, in: state)
    let group = state.groups[groupIndex]
    guard let imageText = call.string("--image") else {
      throw SimulatorFailure.usage("usage error: --image IMAGE | --attach-os-disk DISK")
    }
    let image = try SimulatorImageReference.resolve(imageText)
    let location =
      try call.string("--location").map {
        try region($0, resourceType: ResourceType.virtualMachine)
      }
      ?? group.location
    let size = try offeredSize(call.string("--size") ?? Self.defaultVMSize, in: location)

    if let index = state.virtualMachines.firstIndex(where: {
      Self.same($0.resourceGroup, groupName) && Self.same($0.name, name)
    }) {
      return try vmUpdate(call, &state, index: index, location: location, image: image, size: size)
    }
    try checkQuota(for: size, in: location, state, code: "QuotaExceeded")

    let dataSizes = call.strings("--data-disk-sizes-gb")?.compactMap { Int($0) } ?? []
    let maxDisks = Self.maxDataDiskCount(size)
    if dataSizes.count > maxDisks {
      throw SimulatorFailure.azure(
        "OperationNotAllowed",
        "The maximum number of data disks allowed to be attached to a VM of this size is \(maxDisks)."
      )
    }
    for sizeGb in dataSizes + [call.int("--os-disk-size-gb")].compactMap({ $0 })
    where !(1...32767).contains(sizeGb) {
      throw SimulatorFailure.azure(
        "InvalidParameter",
        "The value \(sizeGb) of parameter 'diskSizeGB' is out of range. Value must be between 1 and 32767."
      )
    }
    let skus = try Self.storageSkus(
      call.strings("--storage-sku"), size: size, dataDisks: dataSizes.count)
    let sshKey = try Self.sshKey(call)

    let vmID = Self.resourceID(ResourceType.virtualMachine, group: group.name, name: name)
    let timestamp = Self.azureTimestamp(call.now)
    let network = try placeOnNetwork(call, &state, group: group.name, vm: name, location: location)
    let serial = state.addressSerial
    state.addressSerial += 1
    let publicIP = call.string("--public-ip-address") == "" ? nil : Self.publicIPAddress(serial)
    let fqdn =
      publicIP == nil
      ? nil
      : call.string("--public-ip-address-dns-name").map {
        "\($0.lowercased()).\(location).cloudapp.azure.com"
      }

    let vmUUID = ids.next()
    let osDiskName = call.string("--os-disk-name") ?? "\(name)_OsDisk_1_\(hexID())"
    state.disks.append(
      SimulatedDisk(
        name: osDiskName, resourceGroup: group.name, location: location,
        sizeGb: call.int("--os-disk-size-gb") ?? 30, sku: skus.os, managedBy: vmID, osType: "Linux",
        createOption: "FromImage", imageReferenceId: Self.imageID(image, location: location),
        tags: [:],
        timeCreated: timestamp, uniqueId: ids.next(), busy: nil, deletingAt: nil))
    let dataDeleteOption =
      call.strings("--data-disk-delete-option")?.first.map(Self.deleteOption) ?? "Detach"
    var dataDisks: [SimulatedDataDisk] = []
    for (lun, sizeGb) in dataSizes.enumerated() {
      let diskName = "\(name)_disk\(lun + 2)_\(hexID())"
      state.disks.append(
        SimulatedDisk(
          name: diskName, resourceGroup: group.name, location: location, sizeGb: sizeGb,
          sku: skus.data[lun],
          managedBy: vmID, osType: nil, createOption: "Empty", imageReferenceId: nil, tags: [:],
          timeCreated: timestamp, uniqueId: ids.next(), busy: nil, deletingAt: nil))
      dataDisks.append(
        SimulatedDataDisk(
          lun: lun, diskName: diskName, diskResourceGroup: group.name, caching: "None",
          createOption: "Empty",
          deleteOption: dataDeleteOption))
    }
    let vm = SimulatedVirtualMachine(
      name: name, resourceGroup: group.name, location: location, size: size.name, image: image,
      computerName: call.string("--computer-name") ?? name,
      adminUsername: call.string("--admin-username") ?? Self.defaultAdminUsername,
      sshPublicKey: sshKey,
      tags: Self.tags(call.strings("--tags")) ?? [:], powerState: "running", vmId: vmUUID,
      timeCreated: timestamp,
      osDiskName: osDiskName,
      osDiskDeleteOption: call.string("--os-disk-delete-option") ?? "Detach",
      dataDisks: dataDisks, nicName: "\(name)VMNic", vnetName: network.vnet,
      subnetName: network.subnet,
      privateIpAddress: network.address, publicIpAddress: publicIP, fqdn: fqdn,
      macAddress: Self.macAddress(serial),
      securityGroup: try placeSecurityGroup(
        call, &state, group: group.name, vm: name, location: location),
      autoShutdownUTC: nil,
      busy: SimulatorBusyState(
        operation: "create", until: Self.completion(call), provisioningState: "Creating",
        powerState: "VM starting"),
      deletingAt: nil)
    state.virtualMachines.append(vm)
    if call.has("--no-wait") { return SimulatorResponse(nil, duration: Self.waited(call)) }
    return SimulatorResponse(
      Self.vmCreateSummary(vm), duration: Self.waited(call), keepsMemberOrder: true)
  }

  /// `az vm create` for a VM that exists: an update in place.
  private func vmUpdate(
    _ call: SimulatorCall, _ state: inout SimulatorState, index: Int, location: String,
    image: SimulatorImageReference, size: VMSize
  ) throws -> SimulatorResponse {
    let vm = state.virtualMachines[index]
    try Self.checkNotDeleting(vm, operation: "create")
    try Self.busyConflict("create", kind: "VM", name: vm.name, busy: vm.busy, at: call.now)
    guard vm.location == location else {
      throw SimulatorFailure.azure(
        "InvalidResourceLocation",
        "The resource '\(vm.name)' already exists in location '\(vm.location)' in resource group "
          + "'\(vm.resourceGroup)'. A resource with the same name cannot be created in location '\(location)'. "
          + "Please select a new resource name.")
    }
    guard
      (vm.image.publisher, vm.image.offer, vm.image.sku) == (
        image.publisher, image.offer, image.sku
      )
    else {
      throw SimulatorFailure.azure(
        "PropertyChangeNotAllowed", "Changing property 'imageReference' is not allowed.")
    }
    if size.name != vm.size {
      try checkQuota(
        for: size, in: location, state,
        replacing: SimulatorTarget(group: vm.resourceGroup, name: vm.name),
        code: "QuotaExceeded")
      state.virtualMachines[index].size = size.name
    }
    state.virtualMachines[index].tags = Self.tags(call.strings("--tags")) ?? [:]
    state.virtualMachines[index].busy = SimulatorBusyState(
      operation: "create", until: Self.completion(call), provisioningState: "Updating",
      powerState: nil)
    if call.has("--no-wait") { return SimulatorResponse(nil, duration: Self.waited(call)) }
    return SimulatorResponse(
      Self.vmCreateSummary(state.virtualMachines[index]), duration: Self.waited(call),
      keepsMemberOrder: true)
  }

  /// `az vm show [-d]`; with several `--ids`, a list.
  func vmShow(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    let targets = try self.targets(call)
    let vms = try targets.map { target -> JSONValue in
      let vm = try findVM(target, in: state)
      return vmJSON(vm, state, details: call.has("--show-details"), at: call.now)
    }
    let value = call.has("--ids") && vms.count != 1 ? .array(vms) : vms[0]
    return SimulatorResponse(value, duration: Self.readDuration, table: Self.vmTable)
  }

  /// `az vm list [-g] [-d]`, sorted by group and name. The simulator has no scale sets, so
  /// `--vmss` names one that does not exist.
  func vmList(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    var vms = state.virtualMachines
    if let group = call.string("--resource-group") {
      _ = try requireGroup(group, in: state)
      vms = vms.filter { Self.same($0.resourceGroup, group) }
    }
    if let scaleSet = call.string("--vmss") {
      let target = SimulatorTarget(group: call.string("--resource-group") ?? "", name: scaleSet)
      throw Self.notFound("Microsoft.Compute/virtualMachineScaleSets", target)
    }
    vms.sort {
      ($0.resourceGroup.lowercased(), $0.name.lowercased()) < (
        $1.resourceGroup.lowercased(), $1.name.lowercased()
      )
    }
    let value = JSONValue.array(
      vms.map { vmJSON($0, state, details: call.has("--show-details"), at: call.now) })
    return SimulatorResponse(value, duration: Self.readDuration, table: Self.vmTable)
  }

  /// `az vm delete --yes`: the VM goes when the deletion completes; its OS and data disks are
  /// detached and kept (Azure's default delete option, `Detach`) unless they were created with
  /// the delete option `Delete`. Deleting a VM that does not exist succeeds, as ARM's DELETE does.
  func vmDelete(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    try requireConfirmation(call)
    for target in try targets(call) {
      _ = try requireGroup(target.group, in: state)
      guard let index = vmIndex(target, in: state) else { continue }
      guard state.virtualMachines[index].deletingAt == nil else { continue }
      let until = Self.completion(call)
      state.virtualMachines[index].deletingAt = until
      state.virtualMachines[index].busy = SimulatorBusyState(
        operation: "delete", until: until, provisioningState: "Deleting",
        powerState: "VM deallocating")
    }
    return SimulatorResponse(nil, duration: Self.waited(call))
  }

  /// The index of the VM `target` names, if it exists.
  func vmIndex(_ target: SimulatorTarget, in state: SimulatorState) -> Int? {
    state.virtualMachines.firstIndex {
      Self.same($0.resourceGroup, target.group) && Self.same($0.name, target.name)
    }
  }

  /// The VM `target` names.
  /// - Throws: `ResourceGroupNotFound` or `ResourceNotFound`.
  func findVM(_ target: SimulatorTarget, in state: SimulatorState) throws -> SimulatedVirtualMachine
  {
    _ = try requireGroup(target.group, in: state)
    guard let index = vmIndex(target, in: state) else {
      throw Self.notFound(ResourceType.virtualMachine, target)
    }
    return state.virtualMachines[index]
  }

  /// Azure's refusal to act on a VM that is being deleted.
  static func checkNotDeleting(_ vm: SimulatedVirtualMachine, operation: String) throws {
    guard vm.deletingAt != nil else { return }
    throw SimulatorFailure.azure(
      "OperationNotAllowed",
      "Operation '\(operation)' is not allowed on VM '\(vm.name)' since the VM is marked for deletion. "
        + "You can only retry the Delete operation (or wait for an ongoing one to complete).")
  }

  /// The most data disks a size takes: two per vCPU, at least 2 and at most 64.
  static func maxDataDiskCount(_ size: VMSize) -> Int { min(64, max(2, size.vCPUs * 2)) }

  /// Whether a size takes Premium SSDs (an `s` in its capability letters, as `B2s`, `D4s_v3`,
  /// `DS1_v2`).
  static func supportsPremiumStorage(_ size: VMSize) -> Bool {
    let body = size.name.dropFirst("Standard_".count).split(separator: "_").first ?? ""
    let letters = body.drop(while: { $0.isLetter }).drop(while: { $0.isNumber })
    let family = body.prefix(while: { $0.isLetter })
    return letters.lowercased().contains("s") || family.uppercased().hasSuffix("S")
  }

  /// The disk SKUs `--storage-sku` asks for: one for all disks, or a list for the OS disk then
  /// each data disk, or `os=SKU` / `<lun>=SKU` pairs.
  static func storageSkus(_ values: [String]?, size: VMSize, dataDisks: Int) throws -> (
    os: String, data: [String]
  ) {
    let fallback = supportsPremiumStorage(size) ? "Premium_LRS" : "Standard_LRS"
    let allowed = [
      "Premium_LRS", "Premium_ZRS", "PremiumV2_LRS", "StandardSSD_LRS", "StandardSSD_ZRS",
      "Standard_LRS",
      "UltraSSD_LRS",
    ]
    func canonical(_ text: String) throws -> String {
      guard let sku = allowed.first(where: { $0.lowercased() == text.lowercased() }) else {
        throw SimulatorFailure.usage(
          "argument --storage-sku: invalid choice: '\(text)' (choose from \(allowed.map { "'\($0)'" }.joined(separator: ", ")))"
        )
      }
      return sku
    }
    guard let values, !values.isEmpty else {
      return (fallback, Array(repeating: fallback, count: dataDisks))
    }
    var os: String?
    var byLun: [Int: String] = [:]
    var positional: [String] = []
    for value in values {
      if let equals = value.firstIndex(of: "=") {
        let key = value[..<equals].lowercased()
        let sku = try canonical(String(value[value.index(after: equals)...]))
        if key == "os" { os = sku } else if let lun = Int(key) { byLun[lun] = sku }
      } else {
        positional.append(try canonical(value))
      }
    }
    if positional.count == 1 {
      let sku = positional[0]
      return (os ?? sku, (0..<dataDisks).map { byLun[$0] ?? sku })
    }
    let osSku = os ?? positional.first ?? fallback
    let data = (0..<dataDisks).map {
      byLun[$0] ?? (positional.count > $0 + 1 ? positional[$0 + 1] : fallback)
    }
    return (osSku, data)
  }

  /// The SSH key a new VM gets, or `nil` for password sign-in.
  static func sshKey(_ call: SimulatorCall) throws -> String? {
    if call.string("--authentication-type") == "password" {
      guard call.has("--admin-password") else {
        throw SimulatorFailure.client("Please specify password in non-interactive mode.")
      }
      return nil
    }
    guard let given = call.strings("--ssh-key-values")?.first else { return generatedSSHKey }
    if given.hasPrefix("ssh-") || given.hasPrefix("ecdsa-") { return given }
    if let text = try? String(contentsOfFile: given, encoding: .utf8) {
      return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    throw SimulatorFailure.client(
      "An RSA key file or key value must be supplied to SSH Key Value. "
        + "You can use --generate-ssh-keys to let CLI generate one for you")
  }

  /// `Delete` or `Detach`, from a `--data-disk-delete-option` value.
  static func deleteOption(_ text: String) -> String {
    text.lowercased().hasSuffix("delete") ? "Delete" : "Detach"
  }

  /// A made-up public IPv4 address, distinct for each serial number.
  static func publicIPAddress(_ serial: Int) -> String {
    "20.\(100 + serial / 62_500 % 150).\(serial / 250 % 250).\(serial % 250 + 4)"
  }

  /// A made-up MAC address in Azure's range, distinct for each serial number.
  static func macAddress(_ serial: Int) -> String {
    String(
      format: "00-0D-3A-%02X-%02X-%02X", (serial >> 16) & 0xFF, (serial >> 8) & 0xFF, serial & 0xFF)
  }

  /// The platform image ID Azure records as an OS disk's source.
  static func imageID(_ image: SimulatorImageReference, location: String) -> String {
    "/Subscriptions/\(subscriptionID)/Providers/Microsoft.Compute/Locations/\(location)/Publishers/"
      + "\(image.publisher)/ArtifactTypes/VMImage/Offers/\(image.offer)/Skus/\(image.sku)/Versions/\(image.exactVersion)"
  }
}
