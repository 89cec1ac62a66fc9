import Foundation

extension Transcript {
  /// Written in an expected line, matches any text on that line (as trycmd's `[..]`): for
  /// clock times, dates and durations that depend on the wall clock.
  public static let wildcard = "[..]"

  /// True when `actual` is `expected`, each `[..]` in `expected` standing for any text.
  public static func line(_ expected: String, matches actual: String) -> Bool {
    guard expected.contains(wildcard) else { return expected == actual }
    let parts = expected.components(separatedBy: wildcard)
    guard let first = parts.first, let last = parts.last, actual.hasPrefix(first) else {
      return false
    }
    var rest = Substring(actual.dropFirst(first.count))
    for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
      guard let range = rest.range(of: middle) else { return false }
      rest = rest[range.upperBound...]
    }
    return rest.count >= last.count && rest.hasSuffix(last)
  }

  /// True when every line of `actual` matches the line of `expected` at its place.
  public static func lines(_ expected: [String], match actual: [String]) -> Bool {
    expected.count == actual.count && zip(expected, actual).allSatisfy { line($0, matches: $1) }
  }

  /// What `--update` writes for one turn: the actual lines, keeping each expected line
  /// (wildcards and all) that still matches the line at its place.
  static func updated(expected: [String], actual: [String]) -> [String] {
    actual.enumerated().map { index, line in
      index < expected.count && Self.line(expected[index], matches: line) ? expected[index] : line
    }
  }

  /// One turn's lines as `/save` writes them: each line `normalised(_:)`, and money already
  /// spent — which grows with the wall clock — as `[..]` in `/budget`'s "Spent today",
  /// "Projected this month" and the per-group table's last column.
  public static func normalised(turn lines: [String]) -> [String] {
    var inGroupTable = false
    return lines.map { line in
      var text = normalised(line)
      if text.hasPrefix("Spent today: ") {
        text = "Spent today: [..]    this month: [..]    (estimates from list prices)"
      } else if text.hasPrefix("Projected this month: ") {
        text = "Projected this month: [..]"
      } else if text.hasPrefix("GROUP ") && text.hasSuffix("SPENT THIS MONTH") {
        inGroupTable = true
      } else if inGroupTable {
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
          inGroupTable = false
        } else if let dollar = text.range(of: "$", options: .backwards) {
          text = String(text[..<dollar.lowerBound]) + "[..]"
        }
      }
      return text
    }
  }

  /// Replaces what depends on the wall clock in a line the shell printed with `[..]`:
  /// dates and times (`2026-12-01T23:40:07Z`, `23:40:07`) and measured durations at the
  /// end of a step or history line (`(1m30s)`, `→ ok, 2s`), and retry waits, which carry
  /// random jitter (`trying again in 2.2s`).
  public static func normalised(_ line: String) -> String {
    var text = line
    for (pattern, template) in volatilePatterns {
      text = pattern.stringByReplacingMatches(
        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
    return text
  }

  private static let volatilePatterns: [(NSRegularExpression, String)] = [
    (#"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"#, "[..]"),
    (#"(?<![\d:])\d{2}:\d{2}:\d{2}(?![\d:])"#, "[..]"),
    (#"^(\s+[✓✗] .*\()(\d+ms|\d+s|\d+m\d{2}s)\)"#, "$1[..])"),
    (#"(→ (?:ok|failed \([^)]*\)), )(\d+ms|\d+s|\d+m\d{2}s)"#, "$1[..]"),
    // Retry waits carry random jitter.
    (#"(trying again in )\d+(\.\d+)?(ms|s)\b"#, "$1[..]"),
  ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
}
