import Foundation

/// ISO 8601 timestamps in UTC with milliseconds, as written to every file.
public enum Timestamp {
  /// `2026-11-26T06:53:17.123Z`.
  public static func string(_ date: Date) -> String {
    let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    let seconds = ms / 1000
    var t = time_t(seconds)
    var parts = tm()
    gmtime_r(&t, &parts)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900,
      Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(ms % 1000))
  }

  /// Reads a timestamp written by `string(_:)`, or any ISO 8601 form with `Z`.
  public static func parse(_ text: String) -> Date? {
    if let date = parseUTC(text) { return date }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let d = formatter.date(from: text) { return d }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }

  /// The form `string(_:)` writes, `2026-11-26T06:53:17.123Z` (milliseconds optional), read
  /// without a date formatter: the spend ledger's dates are read on every turn, and making an
  /// ISO 8601 formatter costs more than the rest of the turn.
  static func parseUTC(_ text: String) -> Date? {
    let b = Array(text.utf8)
    guard b.count == 20 || b.count == 24, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54,
      b[13] == 0x3A, b[16] == 0x3A, b[b.count - 1] == 0x5A
    else { return nil }
    func number(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for i in from..<(from + count) {
        guard (0x30...0x39).contains(b[i]) else { return nil }
        value = value * 10 + Int(b[i] - 0x30)
      }
      return value
    }
    guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var ms = 0
    if b.count == 24 {
      guard b[19] == 0x2E, let value = number(20, 3) else { return nil }
      ms = value
    }
    var parts = tm()
    parts.tm_year = Int32(year - 1900)
    parts.tm_mon = Int32(month - 1)
    parts.tm_mday = Int32(day)
    parts.tm_hour = Int32(hour)
    parts.tm_min = Int32(minute)
    parts.tm_sec = Int32(second)
    let seconds = timegm(&parts)
    guard seconds != -1 || (year == 1969) else { return nil }
    return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(ms) / 1000)
  }
}
