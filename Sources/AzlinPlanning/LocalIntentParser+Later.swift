import Foundation

extension LocalIntentParser {
  /// Days of the week, as people type them.
  static let weekdays: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mondays", "tuesdays",
    "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "weekday", "weekdays",
    "weekend", "weekends",
  ]

  /// Units of time that "every" or "each" makes a recurrence of.
  static let recurringUnits: Set<String> = [
    "day", "days", "night", "nights", "morning", "mornings", "evening", "evenings", "hour",
    "hours", "week", "weeks", "month", "minute", "minutes", "weekday", "weekdays", "weekend",
    "weekends", "workday", "workdays",
  ]

  /// The words that put a change at another time than now — "tomorrow", "at 6pm", "every
  /// night", "next week", "on friday", "in an hour", "later" — as typed; nil when the change is
  /// for now. A span of time ("for the weekend", "over the weekend") is how long, and a weekday
  /// said alone ("monday! start it") is today: neither defers.
  static func deferral(_ lower: [String]) -> String? {
    // "stop sam, I'll start it again later": a remark about what the speaker will do is not
    // when the request is for; only the words before it count.
    let speakers: Set<String> = ["i", "i'll", "ill", "we", "we'll", "i'm", "im", "will"]
    let remark = lower.indices.first { i in
      i + 1 < lower.count && [",", ".", ";", "and", "but", "then"].contains(lower[i])
        && speakers.contains(lower[i + 1])
    }
    let lower = Array(lower[..<(remark ?? lower.count)])
    for (i, w) in lower.enumerated() {
      let next = i + 1 < lower.count ? lower[i + 1] : ""
      let after = i + 2 < lower.count ? lower[i + 2] : ""
      // "a vm called later": a name, not a time.
      if i > 0, ["called", "named"].contains(lower[i - 1]) { continue }
      switch w {
      case "tomorrow", "tmrw", "tmr", "tomorow", "later", "nightly", "hourly", "weekly":
        return w
      case "next":
        if Self.weekdays.contains(next) || ["week", "month"].contains(next) {
          return w + " " + next
        }
      case "this":
        if Self.weekdays.contains(next) { return w + " " + next }
      case "on", "at":
        if Self.weekdays.contains(next), !next.hasSuffix("weekday") || w == "on" {
          return w + " " + next
        }
        if next == "the", ["weekend", "weekends"].contains(after) { return "\(w) the \(after)" }
        if w == "at", let time = clockTime(next, after) { return "at " + time }
      case "every", "each":
        if Self.recurringUnits.contains(next) || Self.weekdays.contains(next) {
          return w + " " + next
        }
      case "in":
        // "in an hour", "in 10 minutes", "in a few hours".
        let units: Set<String> = ["minute", "minutes", "mins", "min", "hour", "hours", "hr", "hrs"]
        if ["an", "a"].contains(next), units.contains(after) { return "in \(next) \(after)" }
        if Int(next) != nil || Self.numberWords[next] != nil, units.contains(after) {
          return "in \(next) \(after)"
        }
        if next == "a", ["few", "couple"].contains(after), i + 3 < lower.count,
          units.contains(lower[i + 3]) || (i + 4 < lower.count && units.contains(lower[i + 4]))
        {
          return "in a \(after) …"
        }
      default: continue
      }
    }
    return nil
  }

  /// "6pm", "6 pm", "18:00", "noon", "midnight": a time of day, as typed.
  static func clockTime(_ word: String, _ next: String) -> String? {
    if ["noon", "midnight", "midday"].contains(word) { return word }
    for s in ["am", "pm"] where word.hasSuffix(s) && Int(word.dropLast(2)) != nil {
      return word
    }
    if Int(word) != nil, ["am", "pm", "a.m", "p.m", "o'clock", "oclock"].contains(next) {
      return word + " " + next
    }
    let parts = word.split(separator: ":")
    if parts.count == 2, parts.allSatisfy({ Int($0) != nil }) { return word }
    return nil
  }

  /// A change said for another time is not done now: azlin has no scheduler beyond the daily
  /// auto-shutdown, and doing it now would be a guess at what was meant.
  /// Used on every parser's result (the LLM's too), as questions are.
  public static func refusingLater(_ result: ParseResult, words: [String]) -> ParseResult {
    guard case .intents(let intents) = result,
      intents.contains(where: { !$0.kind.isReadOnly && !$0.parameters.hypothetical }),
      !intents.contains(where: { [.setAutoShutdown, .clearAutoShutdown].contains($0.kind) }),
      let when = Self.deferral(words.map { $0.lowercased() })
    else { return result }
    return .notUnderstood(.later(when))
  }
}
