import AzlinAzure

/// One create step's operation as Terraform writes it, with everything azurerm needs.
///
/// Only creates are written: a group, a VM, a storage account, a disk (empty, or from a
/// snapshot), a disk attachment, a snapshot, an inbound security rule and an auto-shutdown
/// schedule. Anything else, or a value azurerm cannot express, is refused with the reason.
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

  /// azlin's ownership tag, which every resource it creates carries.
  static let ownershipTags = [(key: "managed-by", value: "azlin")]

  /// Writes `step`'s operation.
  /// - Parameter step: A plan step.
  /// - Throws: `TerraformUnsupported` when the step is not a create azurerm can express.
  init(_ step: ExecutableStep) throws {
    let operation = step.operation
    let verb = operation.verb
    func refuse(_ reason: String) -> TerraformUnsupported {
      TerraformUnsupported(step: step.number, reason: reason)
    }
    /// `value`, which the resource cannot be written without.
    func required(_ value: String, _ what: String) throws -> String {
      guard !value.isEmpty else { throw refuse("az \(verb) needs one \(what) value") }
      return value
    }
    let name = try required(operation.name, "--name")
    // An empty region is az's "the group's region".
    let location = operation.location.flatMap { $0.isEmpty ? nil : $0 }
    switch operation {
    case .groupCreate(_, let location):
      self = .group(
        Group(name: name, location: try required(location, "--location"), tags: Self.ownershipTags))
    case .vmCreate(_, let group, _, let size, let imageText):
      guard let image = TerraformImage.resolve(try required(imageText, "--image")) else {
        throw refuse("image \(imageText) is not a Linux image alias or URN")
      }
      self = .virtualMachine(
        VirtualMachine(
          name: name, group: try required(group, "--resource-group"), location: location,
          size: try required(size, "--size"), image: image, adminUsername: "azureuser",
          tags: Self.ownershipTags))
    case .storageCreate(_, let group, _, let sku):
      let sku = sku.isEmpty ? "Standard_RAGRS" : sku
      let halves = sku.lowercased().split(separator: "_", omittingEmptySubsequences: false)
      guard halves.count == 2, let tier = Self.storageTiers[String(halves[0])],
        let replication = Self.replications[String(halves[1])]
      else { throw refuse("storage SKU \(sku) is not tier_replication") }
      self = .storageAccount(
        StorageAccount(
          name: name, group: try required(group, "--resource-group"), location: location,
          tier: tier, replication: replication, kind: "StorageV2", tags: Self.ownershipTags))
    case .snapshotCreate, .diskCreateFromSnapshot:
      self = try Self.snapshotResource(
        operation, name: name, location: location, required: required, refuse: refuse)
    case .diskCreate(_, let group, _, let size, let skuText):
      guard size > 0 else { throw refuse("disk size \(size) is not a whole number of GB") }
      let skuText = skuText.isEmpty ? "Premium_LRS" : skuText
      guard let sku = Self.diskSKUs[skuText.lowercased()] else {
        throw refuse("disk SKU \(skuText) is not known")
      }
      self = .disk(
        Disk(
          name: name, group: try required(group, "--resource-group"), location: location,
          sizeGB: size, sku: sku, tags: Self.ownershipTags))
    case .securityRuleCreate(_, let nsg, let group, let priority, let ports, let sources):
      self = .securityRule(
        SecurityRule(
          name: name, group: try required(group, "--resource-group"),
          securityGroup: try required(nsg, "--nsg-name"), priority: priority,
          direction: "Inbound", access: "Allow", networkProtocol: "Tcp",
          ports: [try required(ports, "--destination-port-ranges")], sources: sources))
    case .vmAutoShutdown(_, let group, let utc):
      // Turning a schedule off removes it: not a create.
      guard let utc else { throw refuse("az vm auto-shutdown --off has no Terraform equivalent") }
      self = .shutdownSchedule(
        ShutdownSchedule(
          vm: name, group: try required(group, "--resource-group"),
          utc: try required(utc, "--time")))
    case .diskAttach(_, let vm, let group):
      self = .attachment(
        Attachment(
          disk: name, vm: try required(vm, "--vm-name"),
          group: try required(group, "--resource-group")))
    default:
      throw refuse("az \(verb) is not a create Terraform can express")
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
