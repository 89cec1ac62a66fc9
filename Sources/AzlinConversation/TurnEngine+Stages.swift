extension TurnEngine {
  /// Runs `body`, adding the time it took to `stage` of `stages`.
  /// - Throws: What `body` throws.
  func timed<T>(_ stage: WritableKeyPath<TurnStages, UInt64>, _ body: () throws -> T) rethrows
    -> T
  {
    let started = TurnStages.now()
    defer { stages[keyPath: stage] += TurnStages.now() - started }
    return try body()
  }
}
