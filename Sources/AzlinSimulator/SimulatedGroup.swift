import AzlinAzure
import Foundation

/// A resource group in the simulator's state.
struct SimulatedGroup: Codable, Equatable {
  var name: String
  var location: String
  var tags: [String: String]?
  var managedBy: String?
  /// When a deletion completes (seconds since 1970), while the group is being deleted.
  var deletingAt: Double?
}
