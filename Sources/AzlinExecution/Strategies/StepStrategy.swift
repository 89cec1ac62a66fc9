import AzlinAzure

/// A way to carry out plan steps one at a time: the Azure CLI, or an MCP server's tools.
///
/// Implementations are called from the executor's worker threads, several steps at once.
public protocol StepStrategy: AnyObject, Sendable {
  /// The name recorded in objectives and the audit log, such as `azure-cli` or `mcp:azure`.
  var name: String { get }
  /// Whether the strategy can be used now (binary present, logged in, server reachable).
  func availability() -> StrategyAvailability
  /// How this strategy would carry out `step`, or `nil` when it cannot.
  func route(for step: ExecutableStep) -> StepRoute?
  /// Makes one attempt at `step` along `route`; the result reads as az's would.
  func run(_ step: ExecutableStep, via route: StepRoute) -> AzResult
}
