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

  /// Reads `snapshot create` or `disk create --source`.
  /// - Throws: `TerraformUnsupported` for a source given by ID (azlin names sources in the
  ///   step's own group) or an unknown disk SKU.
  static func snapshotResource(
    _ arguments: TerraformStepArguments, name: String, location: String?,
    required: (String) throws -> String, refuse: (String) -> TerraformUnsupported
  ) throws -> TerraformResource {
    let source = try required("--source")
    guard !source.contains("/") else {
      throw refuse("a --source given by resource ID is not written as Terraform")
    }
    let group = try required("--resource-group")
    if arguments.verb == "snapshot create" {
      return .snapshot(
        Snapshot(
          name: name, group: group, location: location, sourceDisk: source, tags: arguments.tags))
    }
    let skuText = arguments.single("--sku") ?? "Premium_LRS"
    guard let sku = diskSKUs[skuText.lowercased()] else {
      throw refuse("disk SKU \(skuText) is not known")
    }
    return .diskFromSnapshot(
      DiskFromSnapshot(
        name: name, group: group, location: location, snapshot: source, sku: sku,
        tags: arguments.tags))
  }
}
