import Foundation

/// An amount of US dollars, held as a decimal so sums never show float noise.
public struct Money: Comparable, Hashable, Sendable, CustomStringConvertible {
  /// The amount.
  public var amount: Decimal

  public init(_ amount: Decimal) { self.amount = amount }

  /// Parses a decimal string such as `"0.0416"`.
  public init?(string: String) {
    guard let value = Decimal(string: string, locale: Locale(identifier: "en_US_POSIX")) else {
      return nil
    }
    self.amount = value
  }

  public static let zero = Money(0)

  public static func + (a: Money, b: Money) -> Money { Money(a.amount + b.amount) }
  public static func - (a: Money, b: Money) -> Money { Money(a.amount - b.amount) }
  public static func * (a: Money, b: Decimal) -> Money { Money(a.amount * b) }
  public static func < (a: Money, b: Money) -> Bool { a.amount < b.amount }

  /// The amount rounded to cents.
  public var rounded: Money {
    var input = amount
    var result = Decimal()
    NSDecimalRound(&result, &input, 2, .plain)
    return Money(result)
  }

  /// `$1,234.56`.
  public var description: String {
    let cents = rounded.amount
    let negative = cents < 0
    let text = NSDecimalNumber(decimal: negative ? -cents : cents).stringValue
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    var whole = String(parts[0])
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    while fraction.count < 2 { fraction += "0" }
    var grouped = ""
    while whole.count > 3 {
      grouped = "," + whole.suffix(3) + grouped
      whole = String(whole.dropLast(3))
    }
    return (negative ? "-$" : "$") + whole + grouped + "." + fraction
  }

  /// `$1,234.56/month`.
  public var perMonth: String { description + "/month" }

  /// The amount as a plain decimal string for files (`"12.34"`).
  public var plain: String { NSDecimalNumber(decimal: rounded.amount).stringValue }

  /// The percentage `self` is of `whole`, rounded down.
  public func percent(of whole: Money) -> Int {
    guard whole.amount > 0 else { return 0 }
    let ratio = NSDecimalNumber(decimal: amount * 100 / whole.amount).doubleValue
    return Int(ratio.rounded(.down))
  }
}
