import AzlinAzure
import AzlinCore
import Foundation

/// Prints a command's result the way az's output formats do.
///
/// - `json`/`jsonc`: indented by two spaces with object keys sorted, as az's
///   `json.dumps(…, indent=2, sort_keys=True)`; colour is never added (az drops it too when
///   stdout is not a terminal).
/// - `table`: az's "simple" table. With the command's table transform its columns come in that
///   order; otherwise keys are sorted, capitalised, and `id`, `type` and `etag` are left out.
///   Either way null and nested values are left out. As tabulate, a column is at least two
///   wider than its header; trailing spaces are trimmed.
/// - `tsv`: one line per item, values tab-separated in key order; a nested list prints its
///   length, a nested object nothing, null `None`.
/// - `none`: nothing.
struct SimulatorRenderer {
  /// Turns a result into table rows with named columns in order, as az's table transforms do.
  typealias TableTransform = @Sendable (JSONValue) -> [[(String, JSONValue)]]

  var format: SimulatorOutputFormat
  var tableTransform: TableTransform?
  /// Whether the TSV columns follow the object's own member order (az's `OrderedDict`
  /// results, such as `vm create`'s summary) rather than sorted keys.
  var keepsMemberOrder = false

  /// The text az prints on stdout for `value`; `nil` prints nothing.
  func render(_ value: JSONValue?) -> String {
    guard let value else { return "" }
    switch format {
    case .json, .jsonc, .yaml, .yamlc: return Self.sorted(value).pretty() + "\n"
    case .none: return ""
    case .table: return table(value)
    case .tsv: return tsv(value)
    }
  }

  /// A copy with every object's members sorted by key, as Python's `sort_keys`.
  static func sorted(_ value: JSONValue) -> JSONValue {
    switch value {
    case .array(let items): return .array(items.map(sorted))
    case .object(let members):
      return .object(
        members.map { ($0.0, sorted($0.1)) }.sorted {
          $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars)
        })
    default: return value
    }
  }

  private func table(_ value: JSONValue) -> String {
    var rows: [[(String, JSONValue)]]
    if let tableTransform {
      rows = tableTransform(value).map { row in
        row.filter { _, value in
          switch value {
          case .null, .array, .object: return false
          default: return true
          }
        }
      }
    } else {
      let items = value.arrayValue ?? [value]
      rows = items.map { item in
        guard let members = item.objectMembers else {
          if let list = item.arrayValue {
            return list.enumerated().map { ("Column\($0.offset + 1)", $0.element) }
          }
          return [("Result", item)]
        }
        return Self.sorted(.object(members)).objectMembers!.compactMap { key, value in
          if ["id", "type", "etag"].contains(key) { return nil }
          switch value {
          case .null, .array, .object: return nil
          default: return (Self.capitalized(key), value)
          }
        }
      }
    }
    guard !rows.isEmpty else { return "\n" }
    var headers: [String] = []
    for row in rows {
      for (key, _) in row where !headers.contains(key) { headers.append(key) }
    }
    let cells = rows.map { row in
      headers.map { header in row.first(where: { $0.0 == header }).map { Self.cell($0.1) } ?? "" }
    }
    let widths = headers.indices.map { column in
      max(headers[column].count + 2, cells.map { $0[column].count }.max() ?? 0)
    }
    func line(_ values: [String]) -> String {
      let padded = zip(values, widths).map {
        $0 + String(repeating: " ", count: max(0, $1 - $0.count))
      }
      return String(padded.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed())
    }
    var text = line(headers) + "\n" + line(widths.map { String(repeating: "-", count: $0) }) + "\n"
    for row in cells { text += line(row) + "\n" }
    return text
  }

  private func tsv(_ value: JSONValue) -> String {
    let items = value.arrayValue ?? [value]
    var text = ""
    for item in items {
      switch item {
      case .object(let members):
        let ordered = keepsMemberOrder ? members : Self.sorted(item).objectMembers!
        text += ordered.map { Self.tsvCell($0.1) }.joined(separator: "\t")
      case .array(let list):
        text += list.map(Self.tsvCell).joined(separator: "\t")
      case .bool(let flag):
        text += flag ? "true" : "false"
      default:
        text += Self.tsvCell(item)
      }
      text += "\n"
    }
    return text
  }

  /// A value as Python's `str()` prints it in a TSV cell.
  private static func tsvCell(_ value: JSONValue) -> String {
    switch value {
    case .null: return "None"
    case .bool(let flag): return flag ? "True" : "False"
    case .number: return value.compact()
    case .string(let text): return text
    case .array(let items): return String(items.count)
    case .object: return ""
    }
  }

  /// A value as tabulate prints it in a table cell.
  private static func cell(_ value: JSONValue) -> String {
    switch value {
    case .null: return ""
    case .bool(let flag): return flag ? "True" : "False"
    case .string(let text): return text
    default: return value.compact()
    }
  }

  private static func capitalized(_ key: String) -> String {
    key.prefix(1).uppercased() + key.dropFirst()
  }
}
