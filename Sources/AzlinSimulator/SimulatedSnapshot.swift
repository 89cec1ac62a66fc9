import AzlinAzure
import Foundation

/// A managed disk snapshot in the simulator's state: a full copy of a disk at one instant.
struct SimulatedSnapshot: Codable, Equatable {
  var name: String
  var resourceGroup: String
  var location: String
  var sizeGb: Int
  /// `Standard_LRS` (az's default), `Standard_ZRS` or `Premium_LRS`.
  var sku: String
  /// The ID of the disk (or snapshot) it was taken of.
  var sourceResourceId: String
  /// The source's `uniqueId`.
  var sourceUniqueId: String
  /// `Linux` for a snapshot of an OS disk, `nil` for a data disk's.
  var osType: String?
  var incremental: Bool
  var tags: [String: String]
  var timeCreated: String
  var uniqueId: String
  var busy: SimulatorBusyState?
  var deletingAt: Double?
}
