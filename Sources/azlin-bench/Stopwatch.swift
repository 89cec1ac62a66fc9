#if canImport(Glibc)
  import Glibc
#endif

/// Wall-clock timing from `clock_gettime(CLOCK_MONOTONIC)`, in nanoseconds.
struct Stopwatch {
  private let start: UInt64

  /// Starts timing now.
  init() { start = Self.now() }

  /// Nanoseconds since this stopwatch started.
  var elapsedNanoseconds: UInt64 { Self.now() - start }

  /// Seconds since this stopwatch started.
  var elapsedSeconds: Double { Double(elapsedNanoseconds) / 1e9 }

  /// The monotonic clock's reading, in nanoseconds.
  static func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
  }

  /// Runs `body` and returns its result with the nanoseconds it took.
  static func time<T>(_ body: () throws -> T) rethrows -> (value: T, nanoseconds: UInt64) {
    let watch = Stopwatch()
    let value = try body()
    return (value, watch.elapsedNanoseconds)
  }
}
