import Foundation

/// The kinds of Azure resource azlin names.
public enum ResourceKind: String, Sendable, CaseIterable {
  case resourceGroup
  case virtualMachine
  case storageAccount
  case disk
  case virtualNetwork
  case snapshot
  case securityRule

  /// How a message names the kind: "VM", "Storage account"…
  public var displayName: String {
    switch self {
    case .resourceGroup: return "Resource group"
    case .virtualMachine: return "VM"
    case .storageAccount: return "Storage account"
    case .disk: return "Disk"
    case .virtualNetwork: return "Virtual network"
    case .snapshot: return "Snapshot"
    case .securityRule: return "Security rule"
    }
  }
}

/// Azure's naming rules for the resources azlin creates.
///
/// The rules follow Microsoft's "Naming rules and restrictions for Azure resources":
/// a resource group takes 1–90 letters, digits, underscores, parentheses, hyphens and
/// periods and may not end with a period; a Linux VM 1–64 characters (Windows VMs are
/// limited to 15, but azlin provisions Linux); a storage account 3–24 lowercase letters
/// and digits (and the name is global across Azure); a managed disk or security rule 1–80 and a virtual
/// network 2–64 letters, digits, underscores, periods and hyphens, starting with a letter
/// or digit and ending with a letter, digit or underscore; a disk snapshot 1–80 letters,
/// digits, underscores and hyphens (az's own help for `snapshot` names allows no period, so
/// azlin does not either), starting with a letter or digit and ending with a letter, digit or
/// underscore.
public enum NamingRules {
  /// Why `name` is not a valid name for `kind`, or `nil` when it is.
  ///
  /// The answer is one sentence naming the rule the name breaks, e.g.
  /// "VM name 'my vm!' is invalid: use 1–64 letters, digits, hyphens, underscores and
  /// periods; start with a letter or digit; do not end with a period or hyphen."
  /// - Parameters:
  ///   - name: The proposed name.
  ///   - kind: The kind of resource it would name.
  public static func violation(of name: String, as kind: ResourceKind) -> String? {
    let rule = Rule.of(kind)
    guard !rule.accepts(name) else { return nil }
    return "\(kind.displayName) name '\(name)' is invalid: \(rule.advice)"
  }

  /// The rule for one kind: length, allowed characters, first and last character.
  private struct Rule {
    var lengths: ClosedRange<Int>
    var allowed: (Unicode.Scalar) -> Bool
    var first: (Unicode.Scalar) -> Bool
    var last: (Unicode.Scalar) -> Bool
    var advice: String

    func accepts(_ name: String) -> Bool {
      let scalars = Array(name.unicodeScalars)
      guard lengths.contains(scalars.count), let head = scalars.first, let tail = scalars.last
      else {
        return false
      }
      return scalars.allSatisfy(allowed) && first(head) && last(tail)
    }

    static func of(_ kind: ResourceKind) -> Rule {
      switch kind {
      case .resourceGroup:
        let allowed: (Unicode.Scalar) -> Bool = {
          isUnicodeLetterOrDigit($0) || "_()-.".unicodeScalars.contains($0)
        }
        return Rule(
          lengths: 1...90, allowed: allowed, first: allowed, last: { allowed($0) && $0 != "." },
          advice:
            "use 1–90 letters, digits, underscores, parentheses, hyphens and periods; do not end with a period."
        )
      case .virtualMachine:
        return Rule(
          lengths: 1...64,
          allowed: { isASCIIAlphanumeric($0) || "-_.".unicodeScalars.contains($0) },
          first: isASCIIAlphanumeric, last: { $0 != "." && $0 != "-" },
          advice:
            "use 1–64 letters, digits, hyphens, underscores and periods; start with a letter or digit; do not end with a period or hyphen."
        )
      case .storageAccount:
        let allowed: (Unicode.Scalar) -> Bool = {
          ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }
        return Rule(
          lengths: 3...24, allowed: allowed, first: allowed, last: allowed,
          advice: "use 3–24 lowercase letters and digits.")
      case .disk, .securityRule:
        return Rule(
          lengths: 1...80,
          allowed: { isASCIIAlphanumeric($0) || "_.-".unicodeScalars.contains($0) },
          first: isASCIIAlphanumeric, last: { isASCIIAlphanumeric($0) || $0 == "_" },
          advice:
            "use 1–80 letters, digits, underscores, periods and hyphens; start with a letter or digit; end with a letter, digit or underscore."
        )
      case .snapshot:
        return Rule(
          lengths: 1...80,
          allowed: { isASCIIAlphanumeric($0) || "_-".unicodeScalars.contains($0) },
          first: isASCIIAlphanumeric, last: { isASCIIAlphanumeric($0) || $0 == "_" },
          advice:
            "use 1–80 letters, digits, underscores and hyphens; start with a letter or digit; end with a letter, digit or underscore."
        )
      case .virtualNetwork:
        return Rule(
          lengths: 2...64,
          allowed: { isASCIIAlphanumeric($0) || "_.-".unicodeScalars.contains($0) },
          first: isASCIIAlphanumeric, last: { isASCIIAlphanumeric($0) || $0 == "_" },
          advice:
            "use 2–64 letters, digits, underscores, periods and hyphens; start with a letter or digit; end with a letter, digit or underscore."
        )
      }
    }
  }

  private static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
  }

  private static func isUnicodeLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic || s.properties.numericType == .decimal
  }
}
