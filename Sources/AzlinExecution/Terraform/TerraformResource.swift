/// One create step read back from its az argv, with everything Terraform needs to write it.
///
/// Only the creates azlin generates are read: `group create`, `vm create`,
/// `storage account create`, `disk create` (empty, or `--source` a snapshot), `vm disk attach`
/// and `snapshot create`. Anything else, or a flag azurerm has no equivalent for, is refused
/// with the reason.
enum TerraformResource {
  case group(Group)
  case virtualMachine(VirtualMachine)
  case storageAccount(StorageAccount)
  case disk(Disk)
  case attachment(Attachment)
  case snapshot(Snapshot)
  case diskFromSnapshot(DiskFromSnapshot)
  case securityRule(SecurityRule)
  case shutdownSchedule(ShutdownSchedule)

  /// `az network nsg rule create`: an inbound rule on a VM's security group.
  struct SecurityRule {
    var name: String
    var group: String
    var securityGroup: String
    var priority: Int
    var direction: String
    var access: String
    var networkProtocol: String
    var ports: [String]
    var sources: [String]
  }

  /// `az vm auto-shutdown --time HHMM`: a daily shutdown schedule, in UTC.
  struct ShutdownSchedule {
    var vm: String
    var group: String
    var utc: String
  }

  /// `az group create`.
  struct Group {
    var name: String
    var location: String
    var tags: [(key: String, value: String)]
  }

  /// `az vm create`: a Linux VM with its own network, reached over SSH.
  struct VirtualMachine {
    var name: String
    var group: String
    /// `nil` when az would take the group's location.
    var location: String?
    var size: String
    var image: TerraformImage
    var adminUsername: String
    var tags: [(key: String, value: String)]
  }

  /// `az storage account create`.
  struct StorageAccount {
    var name: String
    var group: String
    var location: String?
    /// `Standard` or `Premium`, the first half of the SKU.
    var tier: String
    /// `LRS`, `ZRS`, `GRS`, …, the second half of the SKU.
    var replication: String
    var kind: String
    var tags: [(key: String, value: String)]
  }

  /// `az disk create` of an empty managed disk.
  struct Disk {
    var name: String
    var group: String
    var location: String?
    var sizeGB: Int
    var sku: String
    var tags: [(key: String, value: String)]
  }

  /// `az vm disk attach`.
  struct Attachment {
    var disk: String
    var vm: String
    var group: String
  }

  /// The verbs that can be read, with the flags each may carry.
  static let allowedFlags: [String: Set<String>] = [
    "group create": ["--name", "--location", "--tags"],
    "vm create": [
      "--resource-group", "--name", "--location", "--size", "--image", "--admin-username",
      "--generate-ssh-keys", "--os-disk-delete-option", "--nic-delete-option", "--tags",
    ],
    "storage account create": [
      "--name", "--resource-group", "--location", "--sku", "--kind", "--tags",
    ],
    "disk create": [
      "--resource-group", "--name", "--location", "--size-gb", "--sku", "--tags", "--source",
    ],
    "vm disk attach": ["--resource-group", "--vm-name", "--name"],
    "snapshot create": ["--resource-group", "--name", "--location", "--source", "--tags"],
    "network nsg rule create": [
      "--resource-group", "--nsg-name", "--name", "--priority", "--direction", "--access",
      "--protocol", "--destination-port-ranges", "--source-address-prefixes",
    ],
    // `--off` removes a schedule: not a create, so not here.
    "vm auto-shutdown": ["--resource-group", "--name", "--time"],
  ]

  /// Storage account SKU halves, by lowercase name.
  static let storageTiers = ["standard": "Standard", "premium": "Premium"]
  static let replications = [
    "lrs": "LRS", "zrs": "ZRS", "grs": "GRS", "ragrs": "RAGRS", "gzrs": "GZRS",
    "ragzrs": "RAGZRS",
  ]
  static let storageKinds = [
    "storagev2": "StorageV2", "storage": "Storage", "blobstorage": "BlobStorage",
    "blockblobstorage": "BlockBlobStorage", "filestorage": "FileStorage",
  ]
  /// Managed disk SKUs, by lowercase name.
  static let diskSKUs = [
    "premium_lrs": "Premium_LRS", "premium_zrs": "Premium_ZRS", "premiumv2_lrs": "PremiumV2_LRS",
    "standardssd_lrs": "StandardSSD_LRS", "standardssd_zrs": "StandardSSD_ZRS",
    "standard_lrs": "Standard_LRS", "ultrassd_lrs": "UltraSSD_LRS",
  ]

  /// Reads `step`.
  /// - Parameter step: A plan step.
  /// - Throws: `TerraformUnsupported` when the step is not a create azurerm can express.
  init(_ step: ExecutableStep) throws {
    let arguments = TerraformStepArguments(step.command.arguments)
    let target = StepTarget(argv: step.command.arguments)
    func refuse(_ reason: String) -> TerraformUnsupported {
      TerraformUnsupported(step: step.number, reason: reason)
    }
    guard let allowed = Self.allowedFlags[arguments.verb] else {
      throw refuse("az \(arguments.verb) is not a create Terraform can express")
    }
    if let flag = arguments.flags.first(where: { !allowed.contains($0) }) {
      throw refuse("az \(arguments.verb) \(flag) has no Terraform equivalent")
    }
    func required(_ flag: String) throws -> String {
      guard let value = arguments.single(flag) else {
        throw refuse("az \(arguments.verb) needs one \(flag) value")
      }
      return value
    }
    let name = try required("--name")
    guard name == target.name else {
      throw refuse("az \(arguments.verb) names \(name) ambiguously")
    }
    let location = arguments.single("--location")
    switch arguments.verb {
    case "group create":
      self = .group(Group(name: name, location: try required("--location"), tags: arguments.tags))
    case "vm create":
      let imageText = try required("--image")
      guard let image = TerraformImage.resolve(imageText) else {
        throw refuse("image \(imageText) is not a Linux image alias or URN")
      }
      for flag in ["--os-disk-delete-option", "--nic-delete-option"]
      where arguments.values[flag] != nil && arguments.single(flag)?.lowercased() != "delete" {
        throw refuse("\(flag) other than Delete has no Terraform equivalent")
      }
      if let values = arguments.values["--generate-ssh-keys"], !values.isEmpty {
        throw refuse("--generate-ssh-keys takes no value")
      }
      var adminUsername = "azureuser"
      if arguments.values["--admin-username"] != nil {
        adminUsername = try required("--admin-username")
      }
      self = .virtualMachine(
        VirtualMachine(
          name: name, group: try required("--resource-group"), location: location,
          size: try required("--size"), image: image, adminUsername: adminUsername,
          tags: arguments.tags))
    case "storage account create":
      let sku = arguments.single("--sku") ?? "Standard_RAGRS"
      let halves = sku.lowercased().split(separator: "_", omittingEmptySubsequences: false)
      guard halves.count == 2, let tier = Self.storageTiers[String(halves[0])],
        let replication = Self.replications[String(halves[1])]
      else { throw refuse("storage SKU \(sku) is not tier_replication") }
      let kindText = arguments.single("--kind") ?? "StorageV2"
      guard let kind = Self.storageKinds[kindText.lowercased()] else {
        throw refuse("storage kind \(kindText) is not known")
      }
      self = .storageAccount(
        StorageAccount(
          name: name, group: try required("--resource-group"), location: location, tier: tier,
          replication: replication, kind: kind, tags: arguments.tags))
    case "disk create" where arguments.values["--source"] != nil,
      "snapshot create":
      self = try Self.snapshotResource(
        arguments, name: name, location: location, required: required, refuse: refuse)
    case "disk create":
      let sizeText = try required("--size-gb")
      guard let size = Int(sizeText), size > 0 else {
        throw refuse("disk size \(sizeText) is not a whole number of GB")
      }
      let skuText = arguments.single("--sku") ?? "Premium_LRS"
      guard let sku = Self.diskSKUs[skuText.lowercased()] else {
        throw refuse("disk SKU \(skuText) is not known")
      }
      self = .disk(
        Disk(
          name: name, group: try required("--resource-group"), location: location, sizeGB: size,
          sku: sku, tags: arguments.tags))
    case "network nsg rule create":
      guard let priority = Int(try required("--priority")) else {
        throw refuse("the rule's priority is not a whole number")
      }
      self = .securityRule(
        SecurityRule(
          name: name, group: try required("--resource-group"),
          securityGroup: try required("--nsg-name"), priority: priority,
          direction: arguments.single("--direction") ?? "Inbound",
          access: arguments.single("--access") ?? "Allow",
          networkProtocol: arguments.single("--protocol") ?? "*",
          ports: arguments.values["--destination-port-ranges"] ?? ["80"],
          sources: arguments.values["--source-address-prefixes"] ?? ["*"]))
    case "vm auto-shutdown":
      self = .shutdownSchedule(
        ShutdownSchedule(
          vm: name, group: try required("--resource-group"), utc: try required("--time")))
    default:
      self = .attachment(
        Attachment(
          disk: name, vm: try required("--vm-name"), group: try required("--resource-group")))
    }
  }

  /// What the step creates, as `kind|group|name` in lowercase: two steps with the same key
  /// would create one resource twice.
  var key: String {
    switch self {
    case .group(let g): return "group||\(g.name.lowercased())"
    case .virtualMachine(let vm): return "vm|\(vm.group.lowercased())|\(vm.name.lowercased())"
    case .storageAccount(let s): return "storage||\(s.name.lowercased())"
    case .disk(let d): return "disk|\(d.group.lowercased())|\(d.name.lowercased())"
    case .attachment(let a): return "attachment|\(a.group.lowercased())|\(a.disk.lowercased())"
    case .snapshot(let s): return "snapshot|\(s.group.lowercased())|\(s.name.lowercased())"
    case .diskFromSnapshot(let d): return "disk|\(d.group.lowercased())|\(d.name.lowercased())"
    case .securityRule(let r):
      return "rule|\(r.group.lowercased())|\(r.securityGroup.lowercased())/\(r.name.lowercased())"
    case .shutdownSchedule(let s): return "shutdown|\(s.group.lowercased())|\(s.vm.lowercased())"
    }
  }
}
