import AzlinAzure
import Foundation

/// A malformed `AZLIN_SIM_FAULTS` rule.
public struct SimulatorFaultPlanError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The rule as written.
  public var rule: String
  /// What is wrong with it.
  public var reason: String

  public var description: String { "AZLIN_SIM_FAULTS: cannot read rule '\(rule)': \(reason)." }
}
