import AzlinAzure
import Foundation

/// Reads an az argument list as az's parser would.
///
/// Unknown commands, unknown arguments, missing values, invalid choices and missing required
/// arguments fail with az's own wording and exit code 2; `--help` gives a help text.
enum SimulatorArgumentParser {
  /// What a command line asks for.
  enum Outcome {
    /// Run a command.
    case run(SimulatorInvocation)
    /// Print help (az exits 0).
    case help(String)
  }

  /// Parses `arguments` (without the leading `az`).
  /// - Throws: `SimulatorFailure` with exit code 2, worded as az's parser words it.
  static func parse(_ arguments: [String]) throws -> Outcome {
    let words = arguments.prefix { !$0.hasPrefix("-") }
    var matched: [String] = []
    var spec: SimulatorCommandSpec?
    for word in words {
      let candidate = matched + [word]
      if let command = SimulatorCommandSpec.command(candidate) {
        matched = candidate
        spec = command
        break
      }
      guard SimulatorCommandSpec.isGroup(candidate) else {
        throw SimulatorFailure.usage("'\(word)' is misspelled or not recognized by the system.")
      }
      matched = candidate
    }
    guard let spec else { return .help(SimulatorHelp.group(matched)) }
    let rest = Array(arguments.dropFirst(matched.count))
    if rest.contains(where: { $0 == "--help" || $0 == "-h" }) {
      return .help(SimulatorHelp.command(spec))
    }
    let values = try parseOptions(rest, of: spec)
    try validateOutput(values)
    return .run(SimulatorInvocation(spec: spec, values: values, arguments: arguments))
  }

  private static func parseOptions(_ tokens: [String], of spec: SimulatorCommandSpec) throws
    -> [String: [String]]
  {
    var values: [String: [String]] = [:]
    var unrecognized: [String] = []
    var index = 0
    func isValue(_ token: String) -> Bool {
      !token.hasPrefix("-") || token == "-"
        || token.dropFirst().first.map { $0.isNumber || $0 == "." } == true
    }
    while index < tokens.count {
      var token = tokens[index]
      index += 1
      var attached: String?
      if let equals = token.firstIndex(of: "="),
        token.hasPrefix("--") || spec.option(named: String(token[..<equals])) != nil
      {
        attached = String(token[token.index(after: equals)...])
        token = String(token[..<equals])
      } else if !token.hasPrefix("--"), token.hasPrefix("-"), token.count > 2,
        spec.option(named: token) == nil,
        let option = spec.option(named: String(token.prefix(2))), option.arity != .flag
      {
        attached = String(token.dropFirst(2)).drop(while: { $0 == "=" }).description
        token = String(token.prefix(2))
      }
      guard isOption(token), let option = spec.option(named: token) else {
        unrecognized.append(tokens[index - 1])
        while index < tokens.count, isValue(tokens[index]) {
          unrecognized.append(tokens[index])
          index += 1
        }
        continue
      }
      var given: [String] = []
      switch option.arity {
      case .flag:
        if let attached {
          throw SimulatorFailure.usage(
            "argument \(option.display): ignored explicit argument '\(attached)'")
        }
      case .one:
        if let attached {
          given = [attached]
        } else if index < tokens.count, isValue(tokens[index]) {
          given = [tokens[index]]
          index += 1
        } else {
          throw SimulatorFailure.usage("argument \(option.display): expected one argument")
        }
      case .many, .any:
        if let attached { given.append(attached) }
        while index < tokens.count, isValue(tokens[index]) {
          given.append(tokens[index])
          index += 1
        }
        if given.isEmpty, option.arity == .many {
          throw SimulatorFailure.usage("argument \(option.display): expected at least one argument")
        }
      }
      values[option.key] = try given.map { try check($0, for: option) }
    }
    let idsGiven = values["--ids"] != nil
    let missing = spec.options.filter {
      $0.required && values[$0.key] == nil && !(idsGiven && $0.isIDPart)
    }
    if !missing.isEmpty {
      throw SimulatorFailure.usage(
        "the following arguments are required: \(missing.map(\.display).joined(separator: ", "))")
    }
    if !unrecognized.isEmpty {
      throw SimulatorFailure.usage("unrecognized arguments: \(unrecognized.joined(separator: " "))")
    }
    if idsGiven {
      let clashing = spec.options.filter { $0.isIDPart && values[$0.key] != nil }
      if !clashing.isEmpty {
        throw SimulatorFailure.usage(
          "usage error: --ids cannot be combined with \(clashing.map(\.display).joined(separator: ", ")); "
            + "give either the resource IDs or the names.")
      }
    }
    return values
  }

  private static func isOption(_ token: String) -> Bool {
    token.hasPrefix("-") && token.count > 1 && !(token.dropFirst().first?.isNumber ?? false)
  }

  private static func check(_ value: String, for option: SimulatorOption) throws -> String {
    if option.isInteger, Int(value) == nil {
      throw SimulatorFailure.usage("argument \(option.display): invalid int value: '\(value)'")
    }
    guard !option.choices.isEmpty else { return value }
    if let choice = option.choices.first(where: { $0.lowercased() == value.lowercased() }) {
      return choice
    }
    let list = option.choices.map { "'\($0)'" }.joined(separator: ", ")
    throw SimulatorFailure.usage(
      "argument \(option.display): invalid choice: '\(value)' (choose from \(list))")
  }

  private static func validateOutput(_ values: [String: [String]]) throws {
    if let format = values["--output"]?.last.flatMap(SimulatorOutputFormat.init(rawValue:)),
      !format.isModelled
    {
      throw SimulatorFailure.usage(
        "--output \(format.rawValue) is not modelled by the azlin simulator; use json, jsonc, table, tsv or none."
      )
    }
    if values["--query"] != nil {
      throw SimulatorFailure.usage(
        "--query is not modelled by the azlin simulator; read the JSON output instead.")
    }
  }
}
