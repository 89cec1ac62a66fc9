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
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let d = formatter.date(from: text) { return d }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}
