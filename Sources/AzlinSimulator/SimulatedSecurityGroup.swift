import AzlinAzure
import Foundation

/// A network security group in the simulator's state, as `az vm create` makes one per VM.
struct SimulatedSecurityGroup: Codable, Equatable {
  var name: String
  var resourceGroup: String
  var location: String
  var rules: [SimulatedSecurityRule]
  var tags: [String: String]
  var resourceGuid: String
}

/// One security rule of a simulated network security group.
struct SimulatedSecurityRule: Codable, Equatable {
  var name: String
  var priority: Int
  /// `Inbound` or `Outbound`.
  var direction: String
  /// `Allow` or `Deny`.
  var access: String
  /// `Tcp`, `Udp`, `Icmp` or `*`.
  var networkProtocol: String
  var destinationPortRanges: [String]
  var sourceAddressPrefixes: [String]
}
