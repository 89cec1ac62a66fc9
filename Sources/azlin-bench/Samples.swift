/// A set of measured durations, with the statistics the table reports.
struct Samples {
  /// Each measurement, in nanoseconds, in the order taken.
  private(set) var nanoseconds: [UInt64] = []

  init(_ nanoseconds: [UInt64] = []) { self.nanoseconds = nanoseconds }

  /// Adds one measurement.
  mutating func add(_ value: UInt64) { nanoseconds.append(value) }

  var count: Int { nanoseconds.count }

  /// The `q`-quantile (0…1) by the nearest-rank method, in milliseconds.
  func quantileMilliseconds(_ q: Double) -> Double {
    guard !nanoseconds.isEmpty else { return 0 }
    let sorted = nanoseconds.sorted()
    let rank = Int((q * Double(sorted.count)).rounded(.up))
    let index = min(max(rank - 1, 0), sorted.count - 1)
    return Double(sorted[index]) / 1e6
  }

  /// The median, in milliseconds (the mean of the middle two for an even count).
  var medianMilliseconds: Double {
    guard !nanoseconds.isEmpty else { return 0 }
    let sorted = nanoseconds.sorted()
    let middle = sorted.count / 2
    if sorted.count % 2 == 1 { return Double(sorted[middle]) / 1e6 }
    return (Double(sorted[middle - 1]) + Double(sorted[middle])) / 2e6
  }

  /// The 99th percentile, in milliseconds.
  var p99Milliseconds: Double { quantileMilliseconds(0.99) }

  /// The sum, in milliseconds.
  var totalMilliseconds: Double { Double(nanoseconds.reduce(0, +)) / 1e6 }

  /// The slowest, in milliseconds.
  var maximumMilliseconds: Double { Double(nanoseconds.max() ?? 0) / 1e6 }
}
