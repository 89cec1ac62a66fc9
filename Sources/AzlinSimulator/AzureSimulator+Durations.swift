import AzlinAzure
import Foundation

extension AzureSimulator {
  /// How long each mutating command takes in Azure, in seconds, as modelled on the clock.
  static let durations: [String: TimeInterval] = [
    "group create": 2, "group delete": 45,
    "vm create": 90, "vm delete": 60, "vm start": 30, "vm stop": 30, "vm deallocate": 45,
    "vm restart": 40,
    "vm resize": 60, "vm disk attach": 15, "vm disk detach": 15,
    "network nsg rule create": 5, "network nsg rule delete": 5, "vm auto-shutdown": 3,
    "vm update": 5, "group update": 2, "disk update": 3, "storage account update": 3,
    "disk create": 5, "disk delete": 5,
    "storage account create": 20, "storage account delete": 5,
    "network vnet create": 5, "network vnet delete": 10,
    "snapshot create": 10, "snapshot delete": 5,
  ]

  /// How long a read (`show`, `list`…) takes.
  static let readDuration: TimeInterval = 0.5
  /// How long az waits with `--no-wait`: the request is accepted, the work goes on.
  static let noWaitDuration: TimeInterval = 1
  /// How long a request takes to come back with an Azure error.
  static let failureDuration: TimeInterval = 2

  /// The modelled duration of a command.
  static func duration(of verb: String) -> TimeInterval { durations[verb] ?? readDuration }

  /// How long `run` waits for this call: the whole operation, or just its acceptance with
  /// `--no-wait`.
  static func waited(_ call: SimulatorCall) -> TimeInterval {
    call.has("--no-wait") ? noWaitDuration : duration(of: call.invocation.spec.verb)
  }

  /// When the call's operation completes, in seconds since 1970.
  static func completion(_ call: SimulatorCall) -> Double {
    call.epoch + duration(of: call.invocation.spec.verb)
  }
}
