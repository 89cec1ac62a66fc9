import Foundation

/// Removes secrets from anything that is written to a file or the screen.
///
/// Passwords, keys, tokens, connection strings and SAS query strings are replaced by
/// `***` in argv arrays and in free text, before the audit log, a transcript or the
/// screen sees them.
public enum Redactor {
  /// The replacement text.
  public static let mask = "***"

  /// Flags whose value is a secret.
  static let secretFlags: Set<String> = [
    "--admin-password", "--password", "--secret", "--client-secret", "--account-key", "--sas-token",
    "--connection-string", "--key", "--token", "--api-key", "-p",
  ]

  /// Redacts an argv array: the value after a secret flag, `--flag=value` forms, and secrets inside values.
  public static func argv(_ arguments: [String]) -> [String] {
    var out: [String] = []
    var hideNext = false
    for arg in arguments {
      if hideNext {
        out.append(mask)
        hideNext = false
        continue
      }
      let lower = arg.lowercased()
      if secretFlags.contains(lower) {
        out.append(arg)
        hideNext = true
      } else if let eq = lower.firstIndex(of: "="), lower.hasPrefix("--"),
        secretFlags.contains(String(lower[..<eq]))
      {
        out.append(
          String(
            arg[
              ..<arg.index(arg.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: eq))
            ]) + "=" + mask)
      } else {
        out.append(text(arg))
      }
    }
    return out
  }

  private static let patterns: [NSRegularExpression] = [
    #"(?i)(password|passwd|pwd|secret|token|api[_-]?key|apikey|client[_-]?secret)(\s*(=|:|is)\s*|\s+)("[^"]*"|'[^']*'|\S+)"#,
    #"(?i)(AccountKey|SharedAccessKey|SharedAccessSignature|Password)=([^;\s"]+)"#,
    #"(?i)([?&](sig|se|sv|sp|spr|srt|ss|st|skoid|sktid)=)[^&\s"]+"#,
    #"(?i)(--admin-password|--password|--secret|--client-secret|--account-key|--sas-token|--connection-string|--api-key)(\s+|=)("[^"]*"|'[^']*'|\S+)"#,
    #"\b(sk-(ant-)?[A-Za-z0-9_\-]{16,})"#,
    #"(?i)\b(bearer)\s+[A-Za-z0-9._\-]{16,}"#,
    #"\b(ghp_[A-Za-z0-9]{20,})"#,
  ].map { try! NSRegularExpression(pattern: $0) }

  /// Redacts secrets in free text such as a typed request or an error message.
  public static func text(_ input: String) -> String {
    guard input.count < 1_000_000 else {
      return input.isEmpty ? input : "[\(input.utf8.count) bytes not recorded]"
    }
    var s = input
    for (i, regex) in patterns.enumerated() {
      let range = NSRange(s.startIndex..., in: s)
      let template: String
      switch i {
      case 0: template = "$1$2" + mask
      case 1: template = "$1=" + mask
      case 2: template = "$1" + mask
      case 3: template = "$1$2" + mask
      case 5: template = "$1 " + mask
      default: template = mask
      }
      s = regex.stringByReplacingMatches(in: s, range: range, withTemplate: template)
    }
    return s
  }
}
