import AzlinAzure
import Foundation

/// The help texts `az … --help` prints, for the commands the simulator models.
enum SimulatorHelp {
  /// What each command group is for.
  private static let groupSummaries: [String: String] = [
    "": "Azure CLI, as modelled by the azlin simulator.",
    "account": "Manage Azure subscription information.",
    "disk": "Manage Azure Managed Disks.",
    "group": "Manage resource groups and template deployments.",
    "network": "Manage Azure Network resources.",
    "network vnet": "Manage Azure Virtual Networks.",
    "storage": "Manage Azure Cloud Storage resources.",
    "storage account": "Manage storage accounts.",
    "vm": "Manage Linux or Windows virtual machines.",
    "vm disk": "Manage the managed data disks attached to a VM.",
  ]

  /// `az <group> --help`: the group's summary, sub-groups and commands.
  static func group(_ words: [String]) -> String {
    let name = words.joined(separator: " ")
    let (groups, commands) = SimulatorCommandSpec.children(of: words)
    let width = (groups + commands.map { $0.words.last ?? "" }).map(\.count).max() ?? 0
    func pad(_ text: String) -> String { text + String(repeating: " ", count: width - text.count) }
    var text = "\nGroup\n    az\(name.isEmpty ? "" : " " + name) : \(groupSummaries[name] ?? "")\n"
    if !groups.isEmpty {
      text += "\nSubgroups:\n"
      for group in groups {
        let summary = groupSummaries[(words + [group]).joined(separator: " ")] ?? ""
        text += "    \(pad(group)) : \(summary)\n"
      }
    }
    if !commands.isEmpty {
      text += "\nCommands:\n"
      for command in commands {
        text += "    \(pad(command.words.last ?? "")) : \(command.summary)\n"
      }
    }
    return text + "\nThis is the azlin simulator: it models these commands only.\n"
  }

  /// `az <command> --help`: the summary and every argument.
  static func command(_ spec: SimulatorCommandSpec) -> String {
    func lines(_ options: [SimulatorOption]) -> String {
      let labels = options.map { option -> String in
        let names =
          option.names.filter { $0.hasPrefix("--") } + option.names.filter { !$0.hasPrefix("--") }
        return names.joined(separator: " ") + (option.required ? " [Required]" : "")
      }
      let width = labels.map(\.count).max() ?? 0
      return zip(labels, options).map { label, option in
        var line =
          "    \(label)\(String(repeating: " ", count: width - label.count)) : \(option.help)"
        if !option.choices.isEmpty {
          line += " Allowed values: \(option.choices.joined(separator: ", "))."
        }
        return line + "\n"
      }.joined()
    }
    let own = spec.options.sorted { ($0.required ? 0 : 1, $0.key) < ($1.required ? 0 : 1, $1.key) }
    return "\nCommand\n    az \(spec.verb) : \(spec.summary)\n\nArguments\n" + lines(own)
      + "\nGlobal Arguments\n" + lines(SimulatorOption.globals)
  }
}
