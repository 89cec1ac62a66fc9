import Foundation

/// A value read from a TOML file.
public enum TOMLValue: Equatable, Sendable {
  case string(String)
  case integer(Int)
  case float(Double)
  case bool(Bool)
  case array([TOMLValue])
  case table([String: TOMLValue])

  /// The value as a decimal number, for integers and floats.
  public var decimal: Decimal? {
    switch self {
    case .integer(let i): return Decimal(i)
    case .float(let f): return Decimal(string: String(f))
    default: return nil
    }
  }

  /// How the value is named in an error message.
  public var kindName: String {
    switch self {
    case .string: return "a string"
    case .integer: return "an integer"
    case .float: return "a number"
    case .bool: return "a boolean"
    case .array: return "an array"
    case .table: return "a table"
    }
  }
}

/// Why a TOML file could not be read: the line and what was wrong there.
public struct TOMLError: Error, Equatable, CustomStringConvertible, Sendable {
  public var line: Int
  public var reason: String

  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }

  public var description: String { "line \(line): \(reason)" }
}

/// A parsed TOML document: dotted keys (`budget.monthly_limit`) to values.
///
/// Reads the part of TOML that azlin's config uses: tables, dotted tables, strings
/// (basic and literal), integers, floats, booleans, arrays (across lines) and inline
/// tables. Anything else is an error with its line number, never a guess.
public struct TOMLDocument: Sendable {
  /// Every value by its full dotted key.
  public private(set) var values: [String: TOMLValue] = [:]
  /// The line each key was defined on.
  public private(set) var lines: [String: Int] = [:]

  /// Parses `text`.
  /// - Throws: `TOMLError` with the line of the first problem.
  public init(parsing text: String) throws {
    var table = ""
    let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var index = 0
    while index < rawLines.count {
      let lineNumber = index + 1
      var line = Self.stripComment(rawLines[index]).trimmingCharacters(in: .whitespaces)
      index += 1
      if line.isEmpty { continue }
      if line.hasPrefix("[[") {
        throw TOMLError(
          line: lineNumber,
          reason: "arrays of tables ([[…]]) are not supported; use an inline array")
      }
      if line.hasPrefix("[") {
        guard line.hasSuffix("]") else {
          throw TOMLError(line: lineNumber, reason: "table header is missing ]")
        }
        let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        guard Self.isValidKey(name) else {
          throw TOMLError(line: lineNumber, reason: "bad table name [\(name)]")
        }
        table = name
        continue
      }
      guard let eq = Self.indexOfEquals(line) else {
        throw TOMLError(line: lineNumber, reason: "expected key = value")
      }
      let key = line[..<eq].trimmingCharacters(in: .whitespaces).replacingOccurrences(
        of: "\"", with: "")
      guard Self.isValidKey(key) else {
        throw TOMLError(line: lineNumber, reason: "bad key '\(key)'")
      }
      var valueText = String(line[line.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
      while !Self.isBalanced(valueText), index < rawLines.count {
        valueText += " " + Self.stripComment(rawLines[index]).trimmingCharacters(in: .whitespaces)
        index += 1
      }
      line = valueText
      guard !line.isEmpty else {
        throw TOMLError(line: lineNumber, reason: "expected a value after '='")
      }
      var scanner = ValueScanner(text: Array(line.unicodeScalars), line: lineNumber)
      let value = try scanner.value()
      scanner.skipSpace()
      guard scanner.atEnd else {
        throw TOMLError(line: lineNumber, reason: "unexpected text after the value")
      }
      let full = table.isEmpty ? key : table + "." + key
      guard values[full] == nil else {
        throw TOMLError(line: lineNumber, reason: "'\(full)' is defined twice")
      }
      values[full] = value
      lines[full] = lineNumber
    }
  }

  /// The value at a dotted key.
  public subscript(key: String) -> TOMLValue? { values[key] }

  /// The keys directly inside `table` (`budget.resource_groups` → group names).
  public func keys(in table: String) -> [String] {
    let prefix = table + "."
    return values.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains(".") }
      .map { String($0.dropFirst(prefix.count)) }.sorted()
  }

  static func isValidKey(_ key: String) -> Bool {
    !key.isEmpty
      && key.unicodeScalars.allSatisfy {
        CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0)
      }
  }

  static func stripComment(_ line: String) -> String {
    var inString: Character? = nil
    var escaped = false
    var out = ""
    for c in line {
      if let q = inString {
        if escaped {
          escaped = false
        } else if c == "\\" && q == "\"" {
          escaped = true
        } else if c == q {
          inString = nil
        }
      } else if c == "\"" || c == "'" {
        inString = c
      } else if c == "#" {
        break
      }
      out.append(c)
    }
    return out
  }

  static func indexOfEquals(_ line: String) -> String.Index? {
    var inString = false
    for i in line.indices {
      if line[i] == "\"" { inString.toggle() }
      if line[i] == "=" && !inString { return i }
    }
    return nil
  }

  static func isBalanced(_ text: String) -> Bool {
    var depth = 0
    var inString: Character? = nil
    for c in text {
      if let q = inString {
        if c == q { inString = nil }
      } else if c == "\"" || c == "'" {
        inString = c
      } else if c == "[" || c == "{" {
        depth += 1
      } else if c == "]" || c == "}" {
        depth -= 1
      }
    }
    return depth <= 0
  }
}

private struct ValueScanner {
  let text: [Unicode.Scalar]
  let line: Int
  var i = 0

  init(text: [Unicode.Scalar], line: Int) {
    self.text = text
    self.line = line
  }

  var atEnd: Bool { i >= text.count }

  mutating func skipSpace() {
    while i < text.count, text[i] == " " || text[i] == "\t" { i += 1 }
  }

  func fail(_ reason: String) -> TOMLError { TOMLError(line: line, reason: reason) }

  mutating func value() throws -> TOMLValue {
    skipSpace()
    guard i < text.count else { throw fail("expected a value") }
    switch text[i] {
    case "\"": return .string(try basicString())
    case "'":
      i += 1
      var out = ""
      while i < text.count, text[i] != "'" {
        out.unicodeScalars.append(text[i])
        i += 1
      }
      guard i < text.count else { throw fail("unterminated string") }
      i += 1
      return .string(out)
    case "[":
      i += 1
      var items: [TOMLValue] = []
      while true {
        skipSpace()
        guard i < text.count else { throw fail("unterminated array") }
        if text[i] == "]" {
          i += 1
          return .array(items)
        }
        items.append(try value())
        skipSpace()
        if i < text.count, text[i] == "," { i += 1 }
      }
    case "{":
      i += 1
      var members: [String: TOMLValue] = [:]
      while true {
        skipSpace()
        guard i < text.count else { throw fail("unterminated inline table") }
        if text[i] == "}" {
          i += 1
          return .table(members)
        }
        var key = ""
        while i < text.count, text[i] != "=" {
          key.unicodeScalars.append(text[i])
          i += 1
        }
        guard i < text.count else { throw fail("expected = in inline table") }
        i += 1
        key = key.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
        members[key] = try value()
        skipSpace()
        if i < text.count, text[i] == "," { i += 1 }
      }
    default:
      var word = ""
      while i < text.count, !" \t,]}".unicodeScalars.contains(text[i]) {
        word.unicodeScalars.append(text[i])
        i += 1
      }
      if word == "true" { return .bool(true) }
      if word == "false" { return .bool(false) }
      let digits = word.replacingOccurrences(of: "_", with: "")
      if let n = Int(digits) { return .integer(n) }
      if let f = Double(digits), f.isFinite { return .float(f) }
      throw fail("'\(word)' is not a value (strings need quotes)")
    }
  }

  mutating func basicString() throws -> String {
    i += 1
    var out = ""
    while i < text.count {
      let c = text[i]
      i += 1
      if c == "\"" { return out }
      if c == "\\" {
        guard i < text.count else { break }
        let e = text[i]
        i += 1
        switch e {
        case "n": out += "\n"
        case "t": out += "\t"
        case "\\": out += "\\"
        case "\"": out += "\""
        default: throw fail("unknown escape \\\(e)")
        }
      } else {
        out.unicodeScalars.append(c)
      }
    }
    throw fail("unterminated string")
  }
}
