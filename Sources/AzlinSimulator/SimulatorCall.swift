import AzlinAzure
import Foundation

/// One command being handled: the parsed arguments and the instant it started.
struct SimulatorCall {
  var invocation: SimulatorInvocation
  /// When the command started, on the simulator's clock.
  var now: Date

  /// The single value of an option.
  func string(_ key: String) -> String? { invocation.string(key) }
  /// The values of a many-valued option.
  func strings(_ key: String) -> [String]? { invocation.strings(key) }
  /// Whether the option was given.
  func has(_ key: String) -> Bool { invocation.has(key) }
  /// The whole-number value of an option.
  func int(_ key: String) -> Int? { invocation.int(key) }

  /// `now` in seconds since 1970, the unit the state keeps instants in.
  var epoch: Double { now.timeIntervalSince1970 }
}
