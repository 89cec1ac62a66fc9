import Foundation

/// Changes single keys of `config.toml` in place, keeping the user's comments, order and
/// other sections untouched.
public struct ConfigEditor {
  /// The file.
  public let path: String

  public init(path: String) { self.path = path }

  /// Why an edit was not made.
  public struct EditError: Error, CustomStringConvertible, Equatable {
    public var description: String
  }

  /// Sets `key` in `[table]` to the TOML literal `value`, adding the table or key when missing.
  /// - Throws: `EditError` when the current file does not parse (nothing is written), or `FileError`.
  public func set(table: String, key: String, value: String) throws {
    var lines = try currentLines()
    let keyText = Self.keyText(key)
    let range = Self.section(table, in: lines)
    if let range {
      if let index = range.first(where: { Self.key(of: lines[$0]) == key }) {
        let comment = Self.trailingComment(lines[index])
        lines[index] = "\(keyText) = \(value)" + (comment.map { " " + $0 } ?? "")
      } else {
        let last = range.last(where: { Self.key(of: lines[$0]) != nil }) ?? range.lowerBound - 1
        lines.insert("\(keyText) = \(value)", at: last + 1)
      }
    } else {
      if let last = lines.last, !last.trimmingCharacters(in: .whitespaces).isEmpty {
        lines.append("")
      }
      lines += ["[\(table)]", "\(keyText) = \(value)"]
    }
    try write(lines)
  }

  /// Removes `key` from `[table]`.
  /// - Returns: false when the key was not there.
  /// - Throws: `EditError` when the current file does not parse, or `FileError`.
  @discardableResult
  public func remove(table: String, key: String) throws -> Bool {
    var lines = try currentLines()
    guard let range = Self.section(table, in: lines),
      let index = range.first(where: { Self.key(of: lines[$0]) == key })
    else { return false }
    lines.remove(at: index)
    try write(lines)
    return true
  }

  private func currentLines() throws -> [String] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      throw EditError(description: "\(path) cannot be read as UTF-8 text; fix or remove it first")
    }
    do {
      _ = try TOMLDocument(parsing: text)
    } catch let error as TOMLError {
      throw EditError(
        description: "\(path):\(error.line): \(error.reason); fix it before changing settings")
    }
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  private func write(_ lines: [String]) throws {
    try AtomicFile.write(lines.joined(separator: "\n") + "\n", to: path, mode: 0o600)
  }

  /// The line indices of `[table]`'s body, or nil when the table is absent.
  static func section(_ table: String, in lines: [String]) -> Range<Int>? {
    guard let header = lines.firstIndex(where: { Self.header(of: $0) == table }) else { return nil }
    let end =
      lines[(header + 1)...].firstIndex(where: { Self.header(of: $0) != nil }) ?? lines.count
    return (header + 1)..<end
  }

  static func header(of line: String) -> String? {
    let t = TOMLDocument.stripComment(line).trimmingCharacters(in: .whitespaces)
    guard t.hasPrefix("["), t.hasSuffix("]"), !t.hasPrefix("[[") else { return nil }
    return String(t.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
  }

  static func key(of line: String) -> String? {
    let t = TOMLDocument.stripComment(line)
    guard let eq = TOMLDocument.indexOfEquals(t) else { return nil }
    let key = t[..<eq].trimmingCharacters(in: .whitespaces)
    return key.hasPrefix("\"") && key.hasSuffix("\"") && key.count >= 2
      ? String(key.dropFirst().dropLast()) : key
  }

  static func trailingComment(_ line: String) -> String? {
    let code = TOMLDocument.stripComment(line)
    guard code.count < line.count else { return nil }
    return String(line.dropFirst(code.count)).trimmingCharacters(in: .whitespaces)
  }

  static func keyText(_ key: String) -> String {
    key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
      ? key : "\"\(key)\""
  }
}
