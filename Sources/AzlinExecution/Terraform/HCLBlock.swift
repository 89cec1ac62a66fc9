/// One block of HashiCorp configuration language: `resource "type" "label" { … }`.
///
/// The Terraform configuration is built as a tree of blocks and rendered once, so quoting
/// and layout live in one place: two-space indentation, the `=` of consecutive one-line
/// attributes aligned as `terraform fmt` aligns them, and a blank line around nested blocks.
struct HCLBlock: Sendable {
  /// An attribute's value.
  enum Value: Sendable {
    /// A string literal, quoted and escaped when rendered.
    case string(String)
    /// A whole number.
    case number(Int)
    /// An expression written as is, such as `azurerm_resource_group.rg.name`.
    case expression(String)
    /// A list, on one line.
    case list([Value])
    /// An object of string-keyed members, one member a line.
    case map([(key: String, value: Value)])
  }

  /// A line of a block's body: an attribute or a nested block.
  enum Entry: Sendable {
    case attribute(String, Value)
    case block(HCLBlock)
  }

  /// The block type, such as `resource` or `os_disk`.
  var type: String
  /// The labels after the type, quoted when rendered.
  var labels: [String]
  var entries: [Entry]

  init(_ type: String, _ labels: String..., entries: [Entry] = []) {
    self.type = type
    self.labels = labels
    self.entries = entries
  }

  /// The block as lines of text, indented by `depth` levels.
  func render(depth: Int = 0) -> [String] {
    let pad = String(repeating: "  ", count: depth)
    let head = ([type] + labels.map(Self.quoted)).joined(separator: " ")
    guard !entries.isEmpty else { return [pad + head + " {}"] }
    var lines = [pad + head + " {"]
    let inner = pad + "  "
    var previousWasMultiline = false
    var index = 0
    while index < entries.count {
      // A run of one-line attributes shares the column of its `=`.
      var run: [(String, String)] = []
      while index < entries.count, case .attribute(let key, let value) = entries[index],
        let text = Self.singleLine(value)
      {
        run.append((Self.key(key), text))
        index += 1
      }
      if !run.isEmpty {
        if previousWasMultiline { lines.append("") }
        let width = run.map(\.0.count).max() ?? 0
        for (key, text) in run {
          lines.append(
            inner + key + String(repeating: " ", count: width - key.count) + " = " + text)
        }
        previousWasMultiline = false
        continue
      }
      if lines.count > 1 { lines.append("") }
      switch entries[index] {
      case .attribute(let key, let value):
        lines += Self.multiline(key: Self.key(key), value: value, indent: inner)
      case .block(let block):
        lines += block.render(depth: depth + 1)
      }
      previousWasMultiline = true
      index += 1
    }
    lines.append(pad + "}")
    return lines
  }

  /// The value on one line, or `nil` for a map (always written one member a line).
  static func singleLine(_ value: Value) -> String? {
    switch value {
    case .string(let text): return quoted(text)
    case .number(let number): return String(number)
    case .expression(let text): return text
    case .list(let items):
      let parts = items.compactMap(singleLine)
      guard parts.count == items.count else { return nil }
      return "[" + parts.joined(separator: ", ") + "]"
    case .map: return nil
    }
  }

  /// An attribute whose value takes several lines: an object, one aligned member a line.
  static func multiline(key: String, value: Value, indent: String) -> [String] {
    guard case .map(let members) = value else {
      return [indent + key + " = " + (singleLine(value) ?? "null")]
    }
    guard !members.isEmpty else { return [indent + key + " = {}"] }
    let keys = members.map { Self.key($0.key) }
    let width = keys.map(\.count).max() ?? 0
    var lines = [indent + key + " = {"]
    for (name, member) in zip(keys, members) {
      lines.append(
        indent + "  " + name + String(repeating: " ", count: width - name.count) + " = "
          + (singleLine(member.value) ?? "null"))
    }
    lines.append(indent + "}")
    return lines
  }

  /// An attribute or object key: bare when it is an HCL identifier, quoted otherwise.
  static func key(_ name: String) -> String {
    guard let first = name.unicodeScalars.first, isLetter(first) || first == "_",
      name.unicodeScalars.allSatisfy({ isLetter($0) || isDigit($0) || $0 == "_" || $0 == "-" })
    else { return quoted(name) }
    return name
  }

  /// `text` as an HCL string literal that stands for exactly `text`.
  ///
  /// Backslashes, quotes and control characters are escaped, and the template openers
  /// `${` and `%{` are written `$${` and `%%{`, so nothing in a name is ever interpolated.
  /// - Parameter text: The string to quote.
  static func quoted(_ text: String) -> String {
    var out = "\""
    let scalars = Array(text.unicodeScalars)
    for (i, scalar) in scalars.enumerated() {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "$", "%":
        let opensTemplate = i + 1 < scalars.count && scalars[i + 1] == "{"
        out.unicodeScalars.append(scalar)
        if opensTemplate { out.unicodeScalars.append(scalar) }
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }
}
