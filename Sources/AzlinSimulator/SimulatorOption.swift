import AzlinAzure
import Foundation

/// One argument a simulated az command accepts, as az's parser declares it.
struct SimulatorOption: Sendable {
  /// How many values follow the option.
  enum Arity: Sendable {
    /// None: the option is a switch.
    case flag
    /// Exactly one.
    case one
    /// One or more (argparse `nargs='+'`).
    case many
    /// Zero or more (argparse `nargs='*'`).
    case any
  }

  /// The option's names, long first: `["--resource-group", "-g"]`.
  var names: [String]
  var arity: Arity
  var required: Bool
  /// Allowed values, matched without regard to case and given back as written here.
  var choices: [String]
  /// Whether each value must be a whole number.
  var isInteger: Bool
  /// Whether the option names the resource, so `--ids` may stand in for it.
  var isIDPart: Bool
  /// A few words for `--help`.
  var help: String

  init(
    _ names: [String], _ arity: Arity = .one, required: Bool = false, choices: [String] = [],
    integer: Bool = false, idPart: Bool = false, help: String
  ) {
    self.names = names
    self.arity = arity
    self.required = required
    self.choices = choices
    self.isInteger = integer
    self.isIDPart = idPart
    self.help = help
  }

  /// The name values are stored under: the first long name.
  var key: String { names[0] }

  /// How az's parser names the option in messages: `--resource-group/-g`.
  var display: String { names.joined(separator: "/") }

  /// `--resource-group/-g`, naming the resource's group.
  static func group(required: Bool = true, idPart: Bool = true) -> SimulatorOption {
    SimulatorOption(
      ["--resource-group", "-g"], required: required, idPart: idPart,
      help: "Name of resource group.")
  }

  /// `--name/-n`, naming the resource.
  static func name(_ help: String, required: Bool = true, idPart: Bool = true) -> SimulatorOption {
    SimulatorOption(["--name", "-n"], required: required, idPart: idPart, help: help)
  }

  /// `--location/-l`.
  static func location(required: Bool = false) -> SimulatorOption {
    SimulatorOption(
      ["--location", "-l"], required: required,
      help: "Location. Values from: `az account list-locations`.")
  }

  /// `--tags`: space-separated `key[=value]` pairs; "" clears.
  static let tags = SimulatorOption(
    ["--tags"], .any, help: "Space-separated tags: key[=value] [key[=value] ...].")

  /// `--no-wait`.
  static let noWait = SimulatorOption(
    ["--no-wait"], .flag, help: "Do not wait for the long-running operation to finish.")

  /// `--yes/-y`.
  static let yes = SimulatorOption(
    ["--yes", "-y"], .flag, help: "Do not prompt for confirmation.")

  /// `--ids`.
  static let ids = SimulatorOption(
    ["--ids"], .many,
    help:
      "One or more resource IDs (space-delimited). If provided, no other 'Resource Id' arguments should be specified."
  )

  /// az's global arguments, accepted by every command.
  static let globals: [SimulatorOption] = [
    SimulatorOption(["--debug"], .flag, help: "Increase logging verbosity to show all debug logs."),
    SimulatorOption(["--help", "-h"], .flag, help: "Show this help message and exit."),
    SimulatorOption(
      ["--only-show-errors"], .flag, help: "Only show errors, suppressing warnings."),
    SimulatorOption(
      ["--output", "-o"], choices: SimulatorOutputFormat.allCases.map(\.rawValue),
      help: "Output format."),
    SimulatorOption(["--query"], help: "JMESPath query string."),
    SimulatorOption(
      ["--subscription"], help: "Name or ID of subscription."),
    SimulatorOption(["--verbose"], .flag, help: "Increase logging verbosity."),
  ]
}
