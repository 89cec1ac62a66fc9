import Foundation

/// A transcript run as JUnit XML, the report CI systems read: one `<testcase>` per file,
/// with a `<failure>` holding its line diff.
public enum JUnitReport {
  /// The XML for `result`.
  /// - Parameter name: The test suite's name.
  public static func xml(_ result: TranscriptSuite.Result, name: String = "azlin replay") -> String
  {
    let total = result.cases.reduce(0) { $0 + $1.seconds }
    var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
    let counts =
      "tests=\"\(result.cases.count)\" failures=\"\(result.failures)\" errors=\"0\" time=\"\(seconds(total))\""
    out.append("<testsuites name=\"\(escape(name))\" \(counts)>")
    out.append("  <testsuite name=\"\(escape(name))\" \(counts)>")
    for c in result.cases {
      let file = (c.file as NSString).lastPathComponent
      let folder = (c.file as NSString).deletingLastPathComponent
      let head =
        "    <testcase classname=\"\(escape(folder.isEmpty ? "." : folder))\" name=\"\(escape(file))\" time=\"\(seconds(c.seconds))\""
      guard let failure = c.failure else {
        out.append(head + "/>")
        continue
      }
      out.append(head + ">")
      let message =
        failure.count == 1 ? failure[0] : "the shell's answers differ from the transcript"
      out.append(
        "      <failure message=\"\(escape(message))\" type=\"mismatch\">"
          + escape(failure.joined(separator: "\n")) + "</failure>")
      out.append("    </testcase>")
    }
    out.append("  </testsuite>")
    out.append("</testsuites>")
    return out.joined(separator: "\n") + "\n"
  }

  private static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }

  /// Text as XML character data or an attribute value; characters XML 1.0 forbids are dropped.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\t": out += "&#9;"
      default:
        let v = scalar.value
        if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
