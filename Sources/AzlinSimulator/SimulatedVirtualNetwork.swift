import AzlinAzure
import Foundation

/// A virtual network in the simulator's state.
struct SimulatedVirtualNetwork: Codable, Equatable {
  var name: String
  var resourceGroup: String
  var location: String
  var addressPrefixes: [String]
  var subnets: [SimulatedSubnet]
  var tags: [String: String]
  var resourceGuid: String
  var etag: String
  var busy: SimulatorBusyState?
  var deletingAt: Double?
}

/// A subnet of a simulated virtual network.
struct SimulatedSubnet: Codable, Equatable {
  var name: String
  var addressPrefix: String
}
