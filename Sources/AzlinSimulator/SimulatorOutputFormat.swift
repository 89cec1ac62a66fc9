import AzlinAzure
import Foundation

/// The output formats az offers with `--output/-o`.
enum SimulatorOutputFormat: String, CaseIterable, Sendable {
  case json
  case jsonc
  case none
  case table
  case tsv
  case yaml
  case yamlc

  /// Whether the simulator renders this format (it does not render YAML).
  var isModelled: Bool { self != .yaml && self != .yamlc }
}
