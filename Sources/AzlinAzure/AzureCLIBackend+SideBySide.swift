import AzlinCore
import Foundation

extension AzureCLIBackend {
  /// Runs `commands` as `az` processes side by side, each on a thread of its own (never the
  /// concurrency pool, whose few threads a blocking wait would hold), and reports each result
  /// in the order given.
  ///
  /// Each `az` call spends most of a second starting Python and waiting on the network, so
  /// the listings that make up one read of what exists overlap instead of queueing.
  public func runAll(_ commands: [AzCommand]) -> [AzResult] {
    guard commands.count > 1 else { return commands.map(run) }
    return SideBySide.run(commands.count) { self.run(commands[$0]) }
  }
}
