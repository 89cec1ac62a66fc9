import AzlinCore
import Foundation

/// One Azure CLI command as an argv array, without the leading `az`.
///
/// The Azure CLI strategy and the simulator take the same value, so what runs
/// against the simulator is exactly what would run against Azure.
public struct AzCommand: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The arguments after `az`, e.g. `["vm", "create", "--name", "sam", …]`.
  public var arguments: [String]

  public init(_ arguments: [String]) { self.arguments = arguments }

  /// The command as a person would type it, for plans and `/plan`.
  public var description: String {
    "az " + arguments.map(Self.quoteForDisplay).joined(separator: " ")
  }

  /// The words before the first flag, such as `vm create`.
  public var verb: String {
    arguments.prefix(while: { !$0.hasPrefix("-") }).joined(separator: " ")
  }

  /// The value after `flag` (or its short form `alias`), e.g. `--name sam` gives "sam".
  public func value(of flag: String, or alias: String? = nil) -> String? {
    guard
      let i = arguments.firstIndex(where: { $0 == flag || (alias != nil && $0 == alias) }),
      i + 1 < arguments.count
    else { return nil }
    return arguments[i + 1]
  }

  /// True when the command only reads (`show`, `list`, `exists`, `check-name`, …) and so
  /// changes nothing and costs nothing.
  public var onlyReads: Bool {
    guard let last = arguments.prefix(while: { !$0.hasPrefix("-") }).last else { return false }
    return Self.readingVerbs.contains(last.lowercased())
  }

  /// The last words of az commands that only read.
  static let readingVerbs: Set<String> = [
    "show", "list", "exists", "check-name", "list-sizes", "list-usage", "list-skus",
    "list-locations", "get-instance-view", "list-vm-resize-options", "version",
  ]

  static func quoteForDisplay(_ word: String) -> String {
    let safe = word.unicodeScalars.allSatisfy {
      ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0x41 && $0.value <= 0x5A)
        || ($0.value >= 0x61 && $0.value <= 0x7A) || "-_./:=@,".unicodeScalars.contains($0)
    }
    if safe && !word.isEmpty { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
