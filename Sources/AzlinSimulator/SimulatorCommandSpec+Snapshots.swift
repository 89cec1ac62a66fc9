import AzlinAzure
import Foundation

extension SimulatorCommandSpec {
  /// `az snapshot create|show|list|delete`: managed disk snapshots.
  static let snapshotCommands: [SimulatorCommandSpec] = [
    SimulatorCommandSpec(
      words: ["snapshot", "create"], summary: "Create a snapshot.",
      options: [
        .group(idPart: false), .name("Name of the snapshot.", idPart: false), .location(),
        SimulatorOption(
          ["--source"],
          help:
            "Source to create the disk/snapshot from: a managed disk or snapshot, by name or ID."),
        SimulatorOption(
          ["--size-gb", "-z"], integer: true,
          help: "Size in GB. Max size: 4095 GB (certain preview disks can be larger)."),
        SimulatorOption(
          ["--sku"], choices: ["Premium_LRS", "Standard_LRS", "Standard_ZRS"],
          help: "Underlying storage SKU. Default: Standard_LRS."),
        SimulatorOption(
          ["--incremental"], choices: ["false", "true"],
          help: "Whether a snapshot is incremental."),
        .tags, .noWait,
      ], isMutating: true),
    SimulatorCommandSpec(
      words: ["snapshot", "show"], summary: "Get information about a snapshot.",
      options: [.group(), .name("Name of the snapshot."), .ids], isMutating: false),
    SimulatorCommandSpec(
      words: ["snapshot", "list"], summary: "List snapshots.",
      options: [.group(required: false, idPart: false)], isMutating: false),
    SimulatorCommandSpec(
      words: ["snapshot", "delete"], summary: "Delete a snapshot.",
      options: [.group(), .name("Name of the snapshot."), .ids, .noWait], isMutating: true),
  ]
}
