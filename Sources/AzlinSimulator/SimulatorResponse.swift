import AzlinAzure
import AzlinCore
import Foundation

/// What a simulated command answers: its result, how long it took, and how to print it.
struct SimulatorResponse {
  /// The result az prints; `nil` prints nothing (as az does for commands that return nothing).
  var value: JSONValue?
  /// The modelled duration in seconds.
  var duration: TimeInterval
  /// az's table transform for this command, when it has one.
  var tableTransform: SimulatorRenderer.TableTransform?
  /// Whether TSV keeps the result's member order (az's ordered results).
  var keepsMemberOrder = false
  /// Warnings az prints on stderr (hidden by `--only-show-errors`).
  var warnings: [String] = []

  init(
    _ value: JSONValue?, duration: TimeInterval, table: SimulatorRenderer.TableTransform? = nil,
    keepsMemberOrder: Bool = false, warnings: [String] = []
  ) {
    self.value = value
    self.duration = duration
    self.tableTransform = table
    self.keepsMemberOrder = keepsMemberOrder
    self.warnings = warnings
  }
}
