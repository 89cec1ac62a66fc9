import Foundation

/// Colour on a terminal: plan verbs (`+` create green, `~` change yellow, `-` destroy red),
/// warnings yellow, errors and refusals red.
///
/// Only on a terminal, and never with `NO_COLOR` set (to anything but "") , `TERM=dumb` or
/// `--no-color`. Transcripts, pipes and files never see an escape sequence: the style is
/// applied by the console as it prints, after the line was recorded.
public enum TerminalStyle {
  static let green = "\u{1B}[32m"
  static let yellow = "\u{1B}[33m"
  static let red = "\u{1B}[31m"
  static let reset = "\u{1B}[0m"

  /// True when output to a terminal may be coloured.
  /// - Parameters:
  ///   - environment: `NO_COLOR` and `TERM` are read.
  ///   - noColorFlag: `--no-color` was given.
  ///   - isTerminal: The stream is a terminal.
  public static func enabled(
    environment: [String: String], noColorFlag: Bool, isTerminal: Bool
  ) -> Bool {
    guard isTerminal, !noColorFlag else { return false }
    if let value = environment["NO_COLOR"], !value.isEmpty { return false }
    return environment["TERM"] != "dumb"
  }

  /// `line` with its colour: a whole error line red; a plan or undo step's verb mark in its
  /// colour; warnings yellow; refusals and failed steps red.
  public static func paint(_ line: String, isError: Bool) -> String {
    if line.isEmpty || line.contains("\u{1B}") { return line }
    if isError { return red + line + reset }
    if let painted = paintMark(line) { return painted }
    let trimmed = line.drop(while: { $0 == " " })
    if trimmed.hasPrefix("✗") || line.hasPrefix("Refused:") || line.hasPrefix("Error:") {
      return red + line + reset
    }
    if line.hasPrefix("Budget warning:") || line.hasPrefix("Warning:") || line.hasPrefix("Note:") {
      return yellow + line + reset
    }
    if trimmed.hasPrefix("✓ ") {
      let indent = line.prefix(line.count - trimmed.count)
      return indent + green + "✓" + reset + trimmed.dropFirst()
    }
    return line
  }

  /// A plan step (`  1. + create …`) or an inverse step (`  ~ az vm start …`) with its mark coloured.
  private static func paintMark(_ line: String) -> String? {
    var rest = Substring(line)
    let indent = rest.prefix(while: { $0 == " " })
    guard !indent.isEmpty else { return nil }
    rest = rest.dropFirst(indent.count)
    var number = ""
    let digits = rest.prefix(while: \.isNumber)
    if !digits.isEmpty {
      guard rest.dropFirst(digits.count).hasPrefix(". ") else { return nil }
      number = String(digits) + ". "
      rest = rest.dropFirst(digits.count + 2)
    }
    guard let mark = rest.first, rest.dropFirst().hasPrefix(" ") else { return nil }
    let colour: String
    switch mark {
    case "+": colour = green
    case "~": colour = yellow
    case "-", "−": colour = red
    default: return nil
    }
    return String(indent) + number + colour + String(mark) + reset + String(rest.dropFirst())
  }
}
