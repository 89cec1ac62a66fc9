import AzlinCore
import Foundation
import Testing

@Suite struct MoneyTests {
  @Test(arguments: [
    ("0", "$0.00"), ("30.368", "$30.37"), ("1234.5", "$1,234.50"), ("1234567.891", "$1,234,567.89"),
    ("-5.5", "-$5.50"),
  ])
  func formatsDollars(_ amount: String, _ expected: String) throws {
    #expect(try #require(Money(string: amount)).description == expected)
  }

  @Test func sumsWithoutFloatNoise() throws {
    var total = Money.zero
    for _ in 0..<10 { total = total + (try #require(Money(string: "0.1"))) }
    #expect(total == Money(1))
    #expect(
      (try #require(Money(string: "0.0416"))) * 730 == (try #require(Money(string: "30.368"))))
  }

  @Test func percentRoundsDown() throws {
    #expect(Money(387.5).percent(of: Money(500)) == 77)
    #expect(Money(400).percent(of: Money(500)) == 80)
    #expect(Money(1).percent(of: .zero) == 0)
  }
}
