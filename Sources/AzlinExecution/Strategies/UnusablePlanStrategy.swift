import AzlinAzure

/// A plan strategy that cannot be used in this session, kept so `/strategy` says why.
///
/// Terraform's azurerm provider reaches real Azure only: with the simulator as the backend,
/// a Terraform run would change a different Azure than the one the shell shows.
public final class UnusablePlanStrategy: PlanStrategy, @unchecked Sendable {
  public let name: String
  private let reason: String

  public init(name: String, reason: String) {
    self.name = name
    self.reason = reason
  }

  public func availability() -> StrategyAvailability { .unavailable(reason) }

  public func accepts(_ steps: [ExecutableStep]) -> Bool { false }

  public func apply(_ steps: [ExecutableStep], objectiveID: String) -> PlanApplication {
    PlanApplication(commands: [], error: AzError(code: "StrategyUnavailable", message: reason))
  }
}
