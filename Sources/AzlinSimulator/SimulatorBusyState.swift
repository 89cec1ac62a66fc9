import AzlinAzure
import Foundation

/// A long-running operation still in progress on a simulated resource.
///
/// Azure shows a resource's interim state (`Creating`, `VM starting`…) until the operation
/// completes; the simulator stores the final state and, beside it, what to show until
/// `until` on the injected clock.
struct SimulatorBusyState: Codable, Equatable {
  /// The operation, as Azure names it in conflicts: `create`, `start`…
  var operation: String
  /// When the operation completes, in seconds since 1970.
  var until: Double
  /// The provisioning state shown meanwhile, such as `Creating` or `Updating`.
  var provisioningState: String
  /// The power state shown meanwhile, such as `VM starting`; `nil` to show the final one.
  var powerState: String?

  /// Whether the operation is still running at `now`.
  func isActive(at now: Date) -> Bool { now.timeIntervalSince1970 < until }
}
