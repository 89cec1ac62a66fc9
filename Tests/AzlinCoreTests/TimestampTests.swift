import Foundation
import Testing

@testable import AzlinCore

@Suite struct TimestampParsingTests {
  @Test(arguments: [
    "2026-11-26T06:53:17.123Z", "2026-11-26T06:53:17Z", "2000-02-29T23:59:59.999Z",
    "1970-01-01T00:00:00.000Z",
  ])
  func theFastFormAgreesWithTheFormatter(_ text: String) throws {
    let fast = try #require(Timestamp.parseUTC(text))
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions =
      text.count == 24 ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
    let slow = try #require(formatter.date(from: text))
    #expect(abs(fast.timeIntervalSince1970 - slow.timeIntervalSince1970) < 0.0005)
    #expect(Timestamp.parse(Timestamp.string(fast)) == fast)
  }

  @Test(arguments: ["2026-13-01T00:00:00Z", "2026-11-26 06:53:17Z", "2026-11-26T06:53:17", "x"])
  func otherFormsAreLeftToTheFormatter(_ text: String) {
    #expect(Timestamp.parseUTC(text) == nil)
  }
}
