import AzlinAzure
import Foundation

/// A storage account in the simulator's state.
struct SimulatedStorageAccount: Codable, Equatable {
  var name: String
  var resourceGroup: String
  var location: String
  var sku: String
  var kind: String
  var accessTier: String?
  var minimumTlsVersion: String
  var allowBlobPublicAccess: Bool
  var enableHttpsTrafficOnly: Bool
  var tags: [String: String]
  var creationTime: String
  var busy: SimulatorBusyState?
  var deletingAt: Double?
}
