import Foundation

extension AzCommand {
  /// `az snapshot create`: a full snapshot of the managed disk `disk` (a name in `group`, or an
  /// ID), in the disk's region, tagged as azlin's.
  public static func snapshotCreate(name: String, group: String, location: String, disk: String)
    -> AzCommand
  {
    AzCommand([
      "snapshot", "create", "--resource-group", group, "--name", name, "--location", location,
      "--source", disk, "--tags", ownershipTag,
    ])
  }

  /// `az snapshot delete --resource-group GROUP --name NAME` (az asks no confirmation for it).
  public static func snapshotDelete(name: String, group: String) -> AzCommand {
    AzCommand(["snapshot", "delete", "--resource-group", group, "--name", name])
  }

  /// `az snapshot list`: every snapshot of the subscription.
  public static let snapshotList = AzCommand(["snapshot", "list"])

  /// `az snapshot show --resource-group GROUP --name NAME`.
  public static func snapshotShow(name: String, group: String) -> AzCommand {
    AzCommand(["snapshot", "show", "--resource-group", group, "--name", name])
  }

  /// `az disk create --source SNAPSHOT`: a managed disk made from a snapshot (a name in
  /// `group`, or an ID), tagged as azlin's.
  public static func diskCreate(
    name: String, group: String, location: String, fromSnapshot snapshot: String, sku: String
  ) -> AzCommand {
    AzCommand([
      "disk", "create", "--resource-group", group, "--name", name, "--location", location,
      "--source", snapshot, "--sku", sku, "--tags", ownershipTag,
    ])
  }
}
