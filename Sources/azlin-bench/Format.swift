import Foundation

/// Number formatting for the results table: few digits, units always shown.
enum Format {
  /// `12.3 ms`, `0.042 ms`, `1,234 ms`: three significant digits below 100, whole above.
  static func milliseconds(_ value: Double) -> String {
    "\(significant(value)) ms"
  }

  /// A value with three significant digits below 100 and none after the point above.
  static func significant(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 100 { return grouped(Int(value.rounded())) }
    if magnitude >= 10 { return String(format: "%.1f", value) }
    if magnitude >= 1 { return String(format: "%.2f", value) }
    if magnitude >= 0.1 { return String(format: "%.3f", value) }
    return String(format: "%.4f", value)
  }

  /// An integer with thousands separated by commas: `1,000,000`.
  static func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return value < 0 ? "-" + out : out
  }

  /// A rate such as `1,234 turns/s`.
  static func rate(_ perSecond: Double, _ unit: String) -> String {
    "\(significant(perSecond)) \(unit)/s"
  }

  /// Megabytes from kilobytes, one decimal: `12.4 MB`.
  static func megabytes(kilobytes: Int) -> String {
    String(format: "%.1f MB", Double(kilobytes) / 1024)
  }

  /// A ratio such as `1.03×`.
  static func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }

  /// Modelled seconds as `1m32s` or `45s`.
  static func modelled(seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
  }
}
