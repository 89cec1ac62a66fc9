import Foundation

extension JSONValue {
  /// Renders the value on one line, as a JSON Lines record.
  public func compact() -> String {
    var out = ""
    write(into: &out, indent: nil, level: 0)
    return out
  }

  /// Renders the value indented by two spaces, as az prints it.
  public func pretty() -> String {
    var out = ""
    write(into: &out, indent: "  ", level: 0)
    return out
  }

  private func write(into out: inout String, indent: String?, level: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += JSONValue.format(number: n)
    case .string(let s): JSONValue.escape(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        if let indent {
          out += "\n" + String(repeating: indent, count: level + 1)
        }
        item.write(into: &out, indent: indent, level: level + 1)
      }
      if let indent { out += "\n" + String(repeating: indent, count: level) }
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (i, (key, value)) in members.enumerated() {
        if i > 0 { out += "," }
        if let indent {
          out += "\n" + String(repeating: indent, count: level + 1)
        }
        JSONValue.escape(key, into: &out)
        out += indent == nil ? ":" : ": "
        value.write(into: &out, indent: indent, level: level + 1)
      }
      if let indent { out += "\n" + String(repeating: indent, count: level) }
      out += "}"
    }
  }

  static func format(number n: Double) -> String {
    if n.isNaN || n.isInfinite { return "null" }
    if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
    return String(n)
  }

  static func escape(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
