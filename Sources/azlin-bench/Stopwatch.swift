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

  /// User plus system CPU time this process has used, in nanoseconds (`getrusage`).
  static func cpuNow() -> UInt64 {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let micros =
      (Int(usage.ru_utime.tv_sec) + Int(usage.ru_stime.tv_sec)) * 1_000_000
      + Int(usage.ru_utime.tv_usec) + Int(usage.ru_stime.tv_usec)
    return UInt64(micros) * 1_000
  }

  /// Runs `body` and returns its result with the nanoseconds it took.
  static func time<T>(_ body: () throws -> T) rethrows -> (value: T, nanoseconds: UInt64) {
    let watch = Stopwatch()
    let value = try body()
    return (value, watch.elapsedNanoseconds)
  }
}
