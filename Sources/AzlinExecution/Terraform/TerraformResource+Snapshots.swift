import AzlinAzure

extension TerraformResource {
  /// `az snapshot create --source DISK`: a full copy of a managed disk.
  struct Snapshot {
    var name: String
    var group: String
    var location: String?
    /// The disk it copies, by name in `group`.
    var sourceDisk: String
    var tags: [(key: String, value: String)]
  }

  /// `az disk create --source SNAPSHOT`: a managed disk copied from a snapshot.
  struct DiskFromSnapshot {
    var name: String
    var group: String
    var location: String?
    /// The snapshot it copies, by name in `group`.
    var snapshot: String
    var sku: String
    var tags: [(key: String, value: String)]
  }

  /// Writes a snapshot's create, or a disk made from a snapshot.
  /// - Throws: `TerraformUnsupported` for a source given by ID (azlin names sources in the
  ///   step's own group) or an unknown disk SKU.
  static func snapshotResource(
    _ operation: AzureOperation, name: String, location: String?,
    required: (String, String) throws -> String, refuse: (String) -> TerraformUnsupported
  ) throws -> TerraformResource {
    let group = try required(operation.group, "--resource-group")
    switch operation {
    case .snapshotCreate(_, _, _, let source):
      let source = try required(source, "--source")
      guard !source.contains("/") else {
        throw refuse("a --source given by resource ID is not written as Terraform")
      }
      return .snapshot(
        Snapshot(
          name: name, group: group, location: location, sourceDisk: source, tags: ownershipTags))
    case .diskCreateFromSnapshot(_, _, _, let source, let skuText):
      let source = try required(source, "--source")
      guard !source.contains("/") else {
        throw refuse("a --source given by resource ID is not written as Terraform")
      }
      let skuText = skuText.isEmpty ? "Premium_LRS" : skuText
      guard let sku = diskSKUs[skuText.lowercased()] else {
        throw refuse("disk SKU \(skuText) is not known")
      }
      return .diskFromSnapshot(
        DiskFromSnapshot(
          name: name, group: group, location: location, snapshot: source, sku: sku,
          tags: ownershipTags))
    default:
      throw refuse("az \(operation.verb) is not a snapshot")
    }
  }
}
