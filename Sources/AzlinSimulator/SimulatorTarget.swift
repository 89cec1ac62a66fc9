import AzlinAzure
import Foundation

/// A resource a command names: its group and name, from `-g`/`-n` or from `--ids`.
struct SimulatorTarget: Equatable {
  var group: String
  var name: String
}
