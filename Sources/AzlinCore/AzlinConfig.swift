import Foundation

/// The settings in `config.toml`.
public struct AzlinConfig: Equatable, Sendable {
  /// What a request uses when it names no region, group, size or image.
  public struct Defaults: Equatable, Sendable {
    public var region = "eastus"
    public var resourceGroup = "azlin-rg"
    public var vmSize = "Standard_B2s"
    public var image = "Ubuntu2204"
    public init() {}
  }

  /// Spending limits.
  public struct Budget: Equatable, Sendable {
    public var monthlyLimit: Money?
    public var dailyLimit: Money?
    public var alertThresholds: [Int] = [50, 80, 100]
    public var groupLimits: [String: Money] = [:]
    public init() {}
  }

  public var defaults = Defaults()
  public var budget = Budget()

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
    guard FileManager.default.fileExists(atPath: path) else { return (AzlinConfig(), []) }
    guard let data = FileManager.default.contents(atPath: path) else {
      return (AzlinConfig(), ["\(path): cannot be read; using defaults."])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return (AzlinConfig(), ["\(path): is not UTF-8 text; using defaults."])
    }
    let document: TOMLDocument
    do {
      document = try TOMLDocument(parsing: text)
    } catch let error as TOMLError {
      return (AzlinConfig(), ["\(path):\(error.line): \(error.reason); using defaults."])
    } catch {
      return (AzlinConfig(), ["\(path): \(error); using defaults."])
    }
    return from(document, path: path)
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
    func money(_ key: String) -> Money? {
      guard let value = document[key] else { return nil }
      if let d = value.decimal, d >= 0 { return Money(d) }
      warnings.append("\(location(key)): \(key) must be a number of dollars ≥ 0; ignoring it.")
      return nil
    }
    if let v = string("defaults.region") {
      config.defaults.region = v.lowercased().replacingOccurrences(of: " ", with: "")
    }
    if let v = string("defaults.resource_group") { config.defaults.resourceGroup = v }
    if let v = string("defaults.vm_size") { config.defaults.vmSize = v }
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
    return (config, warnings)
  }
}
