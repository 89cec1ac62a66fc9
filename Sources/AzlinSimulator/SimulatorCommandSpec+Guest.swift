import AzlinAzure
import Foundation

extension SimulatorCommandSpec {
  /// Commands that reach inside a VM: accepted with az's arguments, answered as Azure answers
  /// a VM whose agent never reports (the simulator models no operating system).
  static let guestCommands: [SimulatorCommandSpec] = [
    SimulatorCommandSpec(
      words: ["vm", "run-command", "invoke"], summary: "Execute a specific run command on a vm.",
      options: [
        .group(), .name("The name of the Virtual Machine."), .ids,
        SimulatorOption(
          ["--command-id"], required: true,
          help: "The command id. Use 'az vm run-command list' to get the list."),
        SimulatorOption(
          ["--scripts"], .many, help: "Space-separated script lines. Use @{file} to load script."),
        SimulatorOption(
          ["--parameters"], .many,
          help: "Space-separated parameters in the format of '[name=]value'."),
        .noWait,
      ], isMutating: true)
  ]
}
