/// How one strategy would carry out one step: which strategy, through what, and what its
/// server says about the operation.
public struct StepRoute: Equatable, Sendable {
  /// The strategy's name, such as `azure-cli` or `mcp:azure`.
  public var strategy: String
  /// What carries the step out within the strategy: an MCP tool's name, for example.
  public var detail: String?
  /// True when the tool says it may destroy something: such a step always asks for approval.
  public var destructive: Bool

  public init(strategy: String, detail: String? = nil, destructive: Bool = false) {
    self.strategy = strategy
    self.detail = detail
    self.destructive = destructive
  }

  /// The strategy, with the tool when there is one: `mcp:azure (azmcp_compute_vm_create)`.
  public var label: String { detail.map { "\(strategy) (\($0))" } ?? strategy }
}
