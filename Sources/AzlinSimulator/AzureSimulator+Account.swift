import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// `az account show`: the simulator's one subscription, named so nobody mistakes it for Azure.
  func accountShow(_ call: SimulatorCall) -> SimulatorResponse {
    SimulatorResponse(
      .object([
        ("environmentName", "AzureCloud"),
        ("homeTenantId", .string(Self.tenantID)),
        ("id", .string(Self.subscriptionID)),
        ("isDefault", true),
        ("managedByTenants", []),
        ("name", .string(Self.subscriptionName)),
        ("state", "Enabled"),
        ("tenantDisplayName", "azlin simulator"),
        ("tenantId", .string(Self.tenantID)),
        ("user", .object([("name", "azlin@simulator.invalid"), ("type", "user")])),
      ]), duration: Self.readDuration)
  }
}
