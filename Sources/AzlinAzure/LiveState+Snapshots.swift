import AzlinCore
import Foundation

extension LiveState {
  /// A managed disk snapshot.
  public struct Snapshot: Equatable, Sendable {
    public var name: String
    public var resourceGroup: String
    public var location: String
    /// The size of the disk it was taken of, in GiB.
    public var sizeGB: Int
    /// The storage it is kept on (`Standard_LRS`, `Standard_ZRS`, `Premium_LRS`).
    public var sku: String
    /// The ID of the disk it was taken of (`creationData.sourceResourceId`); the disk may be
    /// gone since.
    public var sourceDiskID: String?
    /// Azure's `provisioningState` (`Creating` while it is being taken).
    public var provisioningState: String

    public init(
      name: String, resourceGroup: String, location: String, sizeGB: Int, sku: String,
      sourceDiskID: String?, provisioningState: String = "Succeeded"
    ) {
      self.name = name
      self.resourceGroup = resourceGroup
      self.location = location
      self.sizeGB = sizeGB
      self.sku = sku
      self.sourceDiskID = sourceDiskID
      self.provisioningState = provisioningState
    }

    /// The name of the disk it was taken of: the last part of `sourceDiskID`.
    public var sourceDisk: String? {
      sourceDiskID?.split(separator: "/").last.map(String.init)
    }
  }

  /// The snapshots named `name` (Azure names are case-insensitive), in any group.
  public func snapshots(named name: String) -> [Snapshot] {
    snapshots.filter { $0.name.lowercased() == name.lowercased() }
  }

  /// The snapshots az printed for `az snapshot list` (or `show`), as live state keeps them.
  /// - Parameter json: az's JSON: an array of snapshots, or one.
  public static func snapshots(fromJSON json: JSONValue?) -> [Snapshot] {
    let items = json?.arrayValue ?? json.map { [$0] } ?? []
    return items.compactMap { s in
      guard let name = s["name"]?.stringValue else { return nil }
      return Snapshot(
        name: name, resourceGroup: s["resourceGroup"]?.stringValue ?? "",
        location: s["location"]?.stringValue ?? "", sizeGB: s["diskSizeGb"]?.intValue ?? 0,
        sku: s.value(at: "sku.name")?.stringValue ?? "",
        sourceDiskID: s.value(at: "creationData.sourceResourceId")?.stringValue,
        provisioningState: s["provisioningState"]?.stringValue ?? "Succeeded")
    }
  }
}
