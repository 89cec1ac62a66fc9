import AzlinAzure
import Foundation

/// A managed disk in the simulator's state.
struct SimulatedDisk: Codable, Equatable {
  var name: String
  var resourceGroup: String
  var location: String
  var sizeGb: Int
  var sku: String
  /// The id of the VM the disk is attached to.
  var managedBy: String?
  /// `Linux` for an OS disk, `nil` for a data disk.
  var osType: String?
  /// `Empty`, `FromImage`, or `Copy` (made from a snapshot).
  var createOption: String
  var imageReferenceId: String?
  var tags: [String: String]
  var timeCreated: String
  var uniqueId: String
  var busy: SimulatorBusyState?
  var deletingAt: Double?
  /// The snapshot (or disk) it was copied from, for a disk made with `--source`.
  var sourceResourceId: String? = nil
}
