import AzlinAzure
import Foundation

/// One parsed az command line: the command and the values of its arguments.
struct SimulatorInvocation: Sendable {
  /// The command.
  var spec: SimulatorCommandSpec
  /// The values given, by the option's key (its first long name); a switch has an empty list.
  var values: [String: [String]]
  /// The arguments as given, for `--debug`.
  var arguments: [String]

  /// The `--output` format; json when none was given.
  var output: SimulatorOutputFormat {
    string("--output").flatMap(SimulatorOutputFormat.init(rawValue:)) ?? .json
  }

  /// Whether the option (or switch) was given.
  func has(_ key: String) -> Bool { values[key] != nil }

  /// The single value of an option, or `nil` when it was not given.
  func string(_ key: String) -> String? { values[key]?.last }

  /// Every value of a many-valued option, or `nil` when it was not given.
  func strings(_ key: String) -> [String]? { values[key] }

  /// The whole-number value of an option (the parser has already checked it).
  func int(_ key: String) -> Int? { string(key).flatMap { Int($0) } }

  /// The value of a `true`/`false` option, or `nil` when it was not given.
  func bool(_ key: String) -> Bool? { string(key).map { $0 == "true" } }
}
