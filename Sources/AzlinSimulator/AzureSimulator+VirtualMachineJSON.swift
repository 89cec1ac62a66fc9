import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// A VM as `az vm show` prints it; with `details`, as `az vm show -d` (power state, IPs).
  func vmJSON(_ vm: SimulatedVirtualMachine, _ state: SimulatorState, details: Bool, at now: Date)
    -> JSONValue
  {
    let id = Self.resourceID(ResourceType.virtualMachine, group: vm.resourceGroup, name: vm.name)
    let busy = vm.busy.flatMap { $0.isActive(at: now) ? $0 : nil }
    let osDisk = disk(vm.resourceGroup, vm.osDiskName, in: state)
    let nicID = Self.resourceID(
      "Microsoft.Network/networkInterfaces", group: vm.resourceGroup, name: vm.nicName)
    let ssh: JSONValue =
      vm.sshPublicKey.map { key in
        .object([
          (
            "publicKeys",
            [
              .object([
                ("keyData", .string(key)),
                ("path", .string("/home/\(vm.adminUsername)/.ssh/authorized_keys")),
              ])
            ]
          )
        ])
      } ?? .null
    let osProfile: JSONValue = .object([
      ("adminPassword", .null),
      ("adminUsername", .string(vm.adminUsername)),
      ("allowExtensionOperations", true),
      ("computerName", .string(vm.computerName)),
      ("customData", .null),
      (
        "linuxConfiguration",
        .object([
          ("disablePasswordAuthentication", .bool(vm.sshPublicKey != nil)),
          ("enableVmAgentPlatformUpdates", false),
          (
            "patchSettings",
            .object([
              ("assessmentMode", "ImageDefault"), ("automaticByPlatformSettings", .null),
              ("patchMode", "ImageDefault"),
            ])
          ),
          ("provisionVmAgent", true),
          ("ssh", ssh),
        ])
      ),
      ("requireGuestProvisionSignal", true),
      ("secrets", []),
      ("windowsConfiguration", .null),
    ])
    let dataDisks: [JSONValue] = vm.dataDisks.sorted { $0.lun < $1.lun }.map { attachment in
      let disk = disk(attachment.diskResourceGroup, attachment.diskName, in: state)
      return .object([
        ("caching", .string(attachment.caching)),
        ("createOption", .string(attachment.createOption)),
        ("deleteOption", .string(attachment.deleteOption)),
        ("detachOption", .null),
        ("diskIOPSReadWrite", .null),
        ("diskMBpsReadWrite", .null),
        ("diskSizeGb", disk.map { .number(Double($0.sizeGb)) } ?? .null),
        ("image", .null),
        ("lun", .number(Double(attachment.lun))),
        ("managedDisk", managedDiskJSON(attachment.diskResourceGroup, attachment.diskName, disk)),
        ("name", .string(attachment.diskName)),
        ("toBeDetached", false),
        ("vhd", .null),
        ("writeAcceleratorEnabled", false),
      ])
    }
    let storageProfile: JSONValue = .object([
      ("dataDisks", .array(dataDisks)),
      ("diskControllerType", "SCSI"),
      (
        "imageReference",
        .object([
          ("communityGalleryImageId", .null), ("exactVersion", .string(vm.image.exactVersion)),
          ("id", .null),
          ("offer", .string(vm.image.offer)), ("publisher", .string(vm.image.publisher)),
          ("sharedGalleryImageId", .null), ("sku", .string(vm.image.sku)),
          ("version", .string(vm.image.version)),
        ])
      ),
      (
        "osDisk",
        .object([
          ("caching", "ReadWrite"),
          ("createOption", "FromImage"),
          ("deleteOption", .string(vm.osDiskDeleteOption)),
          ("diffDiskSettings", .null),
          ("diskSizeGb", osDisk.map { .number(Double($0.sizeGb)) } ?? .null),
          ("encryptionSettings", .null),
          ("image", .null),
          ("managedDisk", managedDiskJSON(vm.resourceGroup, vm.osDiskName, osDisk)),
          ("name", .string(vm.osDiskName)),
          ("osType", "Linux"),
          ("vhd", .null),
          ("writeAcceleratorEnabled", .null),
        ])
      ),
    ])
    var members: [(String, JSONValue)] = [
      ("additionalCapabilities", .null),
      ("applicationProfile", .null),
      ("availabilitySet", .null),
      ("billingProfile", .null),
      ("capacityReservation", .null),
      ("diagnosticsProfile", .null),
      ("evictionPolicy", .null),
      ("extendedLocation", .null),
      ("extensionsTimeBudget", .null),
      ("hardwareProfile", .object([("vmSize", .string(vm.size)), ("vmSizeProperties", .null)])),
      ("host", .null),
      ("hostGroup", .null),
      ("id", .string(id)),
      ("identity", .null),
      ("instanceView", .null),
      ("licenseType", .null),
      ("location", .string(vm.location)),
      ("name", .string(vm.name)),
      (
        "networkProfile",
        .object([
          ("networkApiVersion", .null),
          ("networkInterfaceConfigurations", .null),
          (
            "networkInterfaces",
            [
              .object([
                ("deleteOption", .null), ("id", .string(nicID)), ("primary", .null),
                ("resourceGroup", .string(vm.resourceGroup)),
              ])
            ]
          ),
        ])
      ),
      ("osProfile", osProfile),
      ("plan", .null),
      ("platformFaultDomain", .null),
      ("priority", .null),
      ("provisioningState", .string(busy?.provisioningState ?? "Succeeded")),
      ("proximityPlacementGroup", .null),
      ("resourceGroup", .string(vm.resourceGroup)),
      ("resources", .null),
      ("scheduledEventsPolicy", .null),
      ("scheduledEventsProfile", .null),
      ("securityProfile", .null),
      ("storageProfile", storageProfile),
      ("tags", Self.tagsJSON(vm.tags)),
      ("timeCreated", .string(vm.timeCreated)),
      ("type", .string(ResourceType.virtualMachine)),
      ("userData", .null),
      ("virtualMachineScaleSet", .null),
      ("vmId", .string(vm.vmId)),
      ("zones", .null),
    ]
    if details {
      members += [
        ("fqdns", .string(vm.fqdn ?? "")),
        ("macAddresses", .string(vm.macAddress)),
        ("powerState", .string(busy?.powerState ?? Self.powerStateText(vm.powerState))),
        ("privateIps", .string(vm.privateIpAddress)),
        ("publicIps", .string(vm.publicIpAddress ?? "")),
      ]
    }
    return .object(members)
  }

  /// `running` → `VM running`, as az's `powerState` says it.
  static func powerStateText(_ state: String) -> String { "VM \(state)" }

  /// The short summary `az vm create` prints, in az's member order.
  static func vmCreateSummary(_ vm: SimulatedVirtualMachine) -> JSONValue {
    .object([
      (
        "id",
        .string(resourceID(ResourceType.virtualMachine, group: vm.resourceGroup, name: vm.name))
      ),
      ("resourceGroup", .string(vm.resourceGroup)),
      ("powerState", .string(powerStateText(vm.powerState))),
      ("publicIpAddress", .string(vm.publicIpAddress ?? "")),
      ("fqdns", .string(vm.fqdn ?? "")),
      ("privateIpAddress", .string(vm.privateIpAddress)),
      ("macAddress", .string(vm.macAddress)),
      ("location", .string(vm.location)),
      ("zones", ""),
    ])
  }

  /// az's table for VMs: Name, ResourceGroup, PowerState, PublicIps, Fqdns, Location, Zones
  /// (columns whose value is null drop out, as in az).
  static let vmTable: SimulatorRenderer.TableTransform = { value in
    (value.arrayValue ?? [value]).map { vm -> [(String, JSONValue)] in
      let columns: [(String, String)] = [
        ("Name", "name"), ("ResourceGroup", "resourceGroup"), ("PowerState", "powerState"),
        ("PublicIps", "publicIps"),
        ("Fqdns", "fqdns"), ("Location", "location"),
      ]
      var row: [(String, JSONValue)] = columns.map { ($0.0, vm[$0.1] ?? .null) }
      if let zones = vm["zones"] {
        row.append(("Zones", zones == .null ? .string("") : zones))
      }
      return row
    }
  }

  /// The disk named `name` in `group`, if it exists.
  func disk(_ group: String, _ name: String, in state: SimulatorState) -> SimulatedDisk? {
    state.disks.first { Self.same($0.resourceGroup, group) && Self.same($0.name, name) }
  }

  private func managedDiskJSON(_ group: String, _ name: String, _ disk: SimulatedDisk?) -> JSONValue
  {
    .object([
      ("diskEncryptionSet", .null),
      ("id", .string(Self.resourceID(ResourceType.disk, group: group, name: name))),
      ("resourceGroup", .string(group)),
      ("securityProfile", .null),
      ("storageAccountType", disk.map { .string($0.sku) } ?? .null),
    ])
  }
}
