import Foundation

/// One named value of an `AzureOperation`, named as az names its flag (`resource-group`,
/// `size-gb`): what a tool's input schema names its properties after.
public struct OperationParameter: Equatable, Sendable {
  /// What the parameter carries.
  public enum Value: Equatable, Sendable {
    case text(String)
    case number(Int)
    /// A switch that takes no value (`generate-ssh-keys`, `yes`).
    case flag
    /// Several values (`source-address-prefixes`, a group's `tags`).
    case list([String])
  }

  public var name: String
  public var value: Value

  public init(_ name: String, _ value: Value) {
    self.name = name
    self.value = value
  }

  /// The parameter as az's flag and its values.
  public var words: [String] {
    switch value {
    case .text(let text): ["--" + name, text]
    case .number(let n): ["--" + name, String(n)]
    case .flag: ["--" + name]
    case .list(let values): ["--" + name] + values
    }
  }
}
