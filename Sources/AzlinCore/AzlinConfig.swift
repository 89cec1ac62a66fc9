import Foundation

/// The settings in `config.toml`.
public struct AzlinConfig: Equatable, Sendable {
  /// What a request uses when it names no region, group, size or image.
  public struct Defaults: Equatable, Sendable {
    public var region = "eastus"
    public var resourceGroup = "azlin-rg"
    public var vmSize = "Standard_B2s"
    public var image = "Ubuntu2204"
    /// The time zone a time said without one is in ("shut it down at 7pm"): an IANA name;
    /// `nil` means the machine's own.
    public var timeZone: String?
    public init() {}
  }

  /// Spending limits.
  public struct Budget: Equatable, Sendable {
    public var monthlyLimit: Money?
    public var dailyLimit: Money?
    public var alertThresholds: [Int] = [50, 80, 100]
    public var groupLimits: [String: Money] = [:]
    /// Budget settings that are present but cannot be read, as "file:line key". While any is
    /// listed the budget fails closed: nothing that adds to the bill runs.
    public var unreadable: [String] = []
    public init() {}
  }

  /// How plans are carried out: strategy preference, retries, parallelism, rollback.
  public struct Execution: Equatable, Sendable {
    /// `auto`, `az`, `mcp` or `terraform`: the strategy tried first.
    public var strategy = "auto"
    /// The most steps run side by side.
    public var maxParallel = 8
    /// Attempts per strategy, the first included.
    public var maxAttempts = 4
    /// The first wait before a retry, and the longest, in seconds.
    public var initialDelay = 2.0
    public var maxDelay = 60.0
    /// The jitter, as a fraction of the wait.
    public var jitter = 0.2
    /// Roll back what a failed objective created once every strategy failed.
    public var rollbackOnFailure = true
    /// The fewest steps for which Terraform is chosen.
    public var terraformMinSteps = 3
    public init() {}
  }

  /// `[safety]`: what the shell may do at all.
  public struct Safety: Equatable, Sendable {
    /// `read_only = true`: questions, plans and prices only; nothing is executed and
    /// `config.toml` is not edited from the shell.
    public var readOnly = false
    public init() {}
  }

  /// The preferences `[execution] strategy` accepts.
  public static let strategyPreferences = ["auto", "az", "mcp", "terraform"]

  public var defaults = Defaults()
  public var budget = Budget()
  public var execution = Execution()
  public var safety = Safety()
  /// `[mcp] servers`.
  public var mcpServers: [MCPServerSettings] = []
  /// `[docs] search`: look error codes up on Microsoft Learn; `nil` decides by backend.
  public var docsSearch: Bool?

  public init() {}
}

extension AzlinConfig {
  /// Reads `config.toml` at `path`.
  ///
  /// A missing file gives the defaults. A file that cannot be parsed, or a key of the
  /// wrong type, gives the defaults for what could not be read and one warning line
  /// naming the file, the line and what to fix.
  /// - Returns: The settings and the warnings to show.
  public static func load(path: String) -> (AzlinConfig, [String]) {
    let result = read(path: path)
    return (result.config, result.warnings)
  }

  /// Reads `config.toml` at `path` once, for every reader of it: the settings as `load`
  /// gives them, and the parsed document itself for the sections other modules read (`[llm]`).
  /// - Returns: The settings, the document (nil when the file is missing or unreadable), and
  ///   the warnings to show.
  public static func read(path: String) -> (
    config: AzlinConfig, document: TOMLDocument?, warnings: [String]
  ) {
    guard FileManager.default.fileExists(atPath: path) else { return (AzlinConfig(), nil, []) }
    guard let data = FileManager.default.contents(atPath: path) else {
      return (AzlinConfig(), nil, ["\(path): cannot be read; using defaults."])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return (AzlinConfig(), nil, ["\(path): is not UTF-8 text; using defaults."])
    }
    let document: TOMLDocument
    // A file that cannot be parsed but speaks of limits fails closed: its limits are unknown.
    var unparsed = AzlinConfig()
    if text.contains("[budget") || text.contains("_limit") {
      unparsed.budget.unreadable = ["\(path) [budget]"]
    }
    do {
      document = try TOMLDocument(parsing: text)
    } catch let error as TOMLError {
      unparsed.budget.unreadable = unparsed.budget.unreadable.map { _ in
        "\(path):\(error.line) [budget]"
      }
      return (unparsed, nil, ["\(path):\(error.line): \(error.reason); using defaults."])
    } catch {
      return (unparsed, nil, ["\(path): \(error); using defaults."])
    }
    let (config, warnings) = from(document, path: path)
    return (config, document, warnings)
  }

  /// Builds settings from a parsed document, keeping defaults for keys of the wrong type.
  public static func from(_ document: TOMLDocument, path: String) -> (AzlinConfig, [String]) {
    var config = AzlinConfig()
    var warnings: [String] = []
    func location(_ key: String) -> String { "\(path):\(document.lines[key] ?? 0)" }
    func string(_ key: String) -> String? {
      guard let value = document[key] else { return nil }
      if case .string(let s) = value, !s.isEmpty { return s }
      warnings.append(
        "\(location(key)): \(key) must be a non-empty string, found \(value.kindName); using the default."
      )
      return nil
    }
    /// A limit in dollars; one that cannot be read fails closed (see `Budget.unreadable`).
    func money(_ key: String) -> Money? {
      guard let value = document[key] else { return nil }
      if let d = value.decimal, d >= 0 { return Money(d) }
      warnings.append(
        "\(location(key)): \(key) must be a number of dollars ≥ 0; nothing that adds cost runs until it is fixed."
      )
      config.budget.unreadable.append("\(location(key)) \(key)")
      return nil
    }
    if let v = string("defaults.region") {
      config.defaults.region = v.lowercased().replacingOccurrences(of: " ", with: "")
    }
    if let v = string("defaults.resource_group") { config.defaults.resourceGroup = v }
    if let v = string("defaults.vm_size") { config.defaults.vmSize = v }
    if let v = string("defaults.time_zone") {
      if TimeZone(identifier: v) != nil {
        config.defaults.timeZone = v
      } else {
        warnings.append(
          "\(location("defaults.time_zone")): defaults.time_zone \"\(v)\" is not a time zone (use a name such as Europe/Berlin or UTC); using the machine's."
        )
      }
    }
    if let v = string("defaults.image") { config.defaults.image = v }
    config.budget.monthlyLimit = money("budget.monthly_limit")
    config.budget.dailyLimit = money("budget.daily_limit")
    if let value = document["budget.alert_thresholds"] {
      if case .array(let items) = value,
        items.allSatisfy({
          if case .integer(let i) = $0 { return i > 0 && i <= 1000 } else { return false }
        })
      {
        config.budget.alertThresholds = items.compactMap {
          if case .integer(let i) = $0 { return i } else { return nil }
        }.sorted()
      } else {
        warnings.append(
          "\(location("budget.alert_thresholds")): budget.alert_thresholds must be an array of percentages such as [50, 80, 100]; using the default."
        )
      }
    }
    for group in document.keys(in: "budget.resource_groups") {
      if let limit = money("budget.resource_groups.\(group)") {
        config.budget.groupLimits[group] = limit
      }
    }
    readExecution(document, into: &config, warnings: &warnings, location: location)
    readMCP(document, into: &config, warnings: &warnings, location: location)
    if let value = document["safety.read_only"] {
      if case .bool(let b) = value {
        config.safety.readOnly = b
      } else {
        // Fails closed: a setting meant to forbid changes that cannot be read forbids them.
        config.safety.readOnly = true
        warnings.append(
          "\(location("safety.read_only")): safety.read_only must be true or false; read-only until it is fixed."
        )
      }
    }
    if let value = document["docs.search"] {
      if case .bool(let b) = value {
        config.docsSearch = b
      } else {
        warnings.append(
          "\(location("docs.search")): docs.search must be true or false; deciding by backend.")
      }
    }
    return (config, warnings)
  }

  /// `[execution]`: each key of the wrong type or out of range keeps its default, with a warning.
  static func readExecution(
    _ document: TOMLDocument, into config: inout AzlinConfig, warnings: inout [String],
    location: (String) -> String
  ) {
    if let value = document["execution.strategy"] {
      if case .string(let s) = value, strategyPreferences.contains(s.lowercased()) {
        config.execution.strategy = s.lowercased()
      } else {
        warnings.append(
          "\(location("execution.strategy")): execution.strategy must be one of \(strategyPreferences.joined(separator: ", ")); using auto."
        )
      }
    }
    func integer(_ key: String, _ range: ClosedRange<Int>, _ apply: (Int) -> Void) {
      guard let value = document["execution.\(key)"] else { return }
      if case .integer(let i) = value, range.contains(i) { return apply(i) }
      warnings.append(
        "\(location("execution.\(key)")): execution.\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound); using the default."
      )
    }
    func seconds(_ key: String, _ range: ClosedRange<Double>, _ apply: (Double) -> Void) {
      guard let value = document["execution.\(key)"] else { return }
      let number: Double? =
        switch value {
        case .integer(let i): Double(i)
        case .float(let f): f
        default: nil
        }
      if let number, range.contains(number) { return apply(number) }
      warnings.append(
        "\(location("execution.\(key)")): execution.\(key) must be a number from \(range.lowerBound) to \(range.upperBound); using the default."
      )
    }
    integer("max_parallel", 1...32) { config.execution.maxParallel = $0 }
    integer("max_attempts", 1...10) { config.execution.maxAttempts = $0 }
    integer("terraform_min_steps", 1...1000) { config.execution.terraformMinSteps = $0 }
    seconds("initial_delay", 0...600) { config.execution.initialDelay = $0 }
    seconds("max_delay", 0...3600) { config.execution.maxDelay = $0 }
    seconds("jitter", 0...1) { config.execution.jitter = $0 }
    if let value = document["execution.rollback_on_failure"] {
      if case .bool(let b) = value {
        config.execution.rollbackOnFailure = b
      } else {
        warnings.append(
          "\(location("execution.rollback_on_failure")): execution.rollback_on_failure must be true or false; using true."
        )
      }
    }
  }

  /// `[mcp] servers = [{name = "azure", command = "azmcp", args = ["server", "start"]}]`.
  static func readMCP(
    _ document: TOMLDocument, into config: inout AzlinConfig, warnings: inout [String],
    location: (String) -> String
  ) {
    guard let value = document["mcp.servers"] else { return }
    let hint =
      "mcp.servers must be an array of tables such as [{name = \"azure\", command = \"azmcp\", args = [\"server\", \"start\"]}]"
    guard case .array(let items) = value else {
      warnings.append("\(location("mcp.servers")): \(hint); ignoring it.")
      return
    }
    for (i, item) in items.enumerated() {
      guard case .table(let table) = item, case .string(let name)? = table["name"],
        case .string(let command)? = table["command"], !name.isEmpty, !command.isEmpty,
        name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
      else {
        warnings.append(
          "\(location("mcp.servers")): server \(i + 1) needs a name (letters, digits, - and _) and a command; ignoring it."
        )
        continue
      }
      var args: [String] = []
      if let raw = table["args"] {
        guard case .array(let list) = raw,
          case let strings = list.compactMap({ if case .string(let s) = $0 { s } else { nil } }),
          strings.count == list.count
        else {
          warnings.append(
            "\(location("mcp.servers")): args of server \(name) must be an array of strings; ignoring the server."
          )
          continue
        }
        args = strings
      }
      var timeouts: [String: Double] = [:]
      for key in ["start_timeout", "call_timeout"] {
        guard let raw = table[key] else { continue }
        let seconds: Double? =
          switch raw {
          case .integer(let i): Double(i)
          case .float(let f): f
          default: nil
          }
        guard let seconds, seconds >= 1, seconds <= 86_400 else {
          warnings.append(
            "\(location("mcp.servers")): \(key) of server \(name) must be a number of seconds from 1 to 86400; using the default."
          )
          continue
        }
        timeouts[key] = seconds
      }
      if config.mcpServers.contains(where: { $0.name == name }) {
        warnings.append(
          "\(location("mcp.servers")): server name \(name) is used twice; ignoring the second.")
        continue
      }
      config.mcpServers.append(
        MCPServerSettings(
          name: name, command: command, args: args,
          startTimeout: timeouts["start_timeout"] ?? 15,
          callTimeout: timeouts["call_timeout"] ?? 900))
    }
  }
}
