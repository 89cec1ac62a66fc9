extension TerraformWriter {
  /// An `azurerm_snapshot` copying its disk: the plan's own disk by reference, an existing
  /// one read with a `data "azurerm_managed_disk"` block.
  mutating func snapshot(_ snapshot: TerraformResource.Snapshot, step: Int) throws -> [HCLBlock] {
    var blocks: [HCLBlock] = []
    let diskID = diskReference(snapshot.sourceDisk, group: snapshot.group, blocks: &blocks)
    blocks.append(
      HCLBlock(
        "resource", "azurerm_snapshot", labels.claim(snapshot.name, in: "snapshot"),
        entries: [
          .attribute("name", .string(snapshot.name)),
          .attribute(
            "location", try location(snapshot.location, group: snapshot.group, step: step)),
          .attribute("resource_group_name", groupName(snapshot.group)),
          .attribute("create_option", .string("Copy")),
          .attribute("source_uri", .expression(diskID)),
          Self.tags(snapshot.tags),
        ]))
    return blocks
  }

  /// An `azurerm_managed_disk` copied from a snapshot, read with a `data "azurerm_snapshot"`
  /// block.
  mutating func disk(_ disk: TerraformResource.DiskFromSnapshot, step: Int) throws -> [HCLBlock] {
    let source = labels.claim(disk.snapshot, in: "data_snapshot")
    return [
      HCLBlock(
        "data", "azurerm_snapshot", source,
        entries: [
          .attribute("name", .string(disk.snapshot)),
          .attribute("resource_group_name", groupName(disk.group)),
        ]),
      HCLBlock(
        "resource", "azurerm_managed_disk",
        disks[Self.key(disk.group, disk.name)] ?? TerraformLabels.sanitize(disk.name),
        entries: [
          .attribute("name", .string(disk.name)),
          .attribute("location", try location(disk.location, group: disk.group, step: step)),
          .attribute("resource_group_name", groupName(disk.group)),
          .attribute("storage_account_type", .string(disk.sku)),
          .attribute("create_option", .string("Copy")),
          .attribute("source_resource_id", .expression("data.azurerm_snapshot.\(source).id")),
          Self.tags(disk.tags),
        ]),
    ]
  }
}
