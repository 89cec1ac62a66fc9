import AzlinAzure

/// Carries out steps as az command lines, on the backend the shell uses (the real `az` or
/// the embedded simulator).
public final class AzureCLIStrategy: StepStrategy, @unchecked Sendable {
  /// The strategy's name, as recorded in objectives.
  public static let strategyName = "azure-cli"

  public let name = AzureCLIStrategy.strategyName
  private let backend: any AzureBackend

  public init(backend: any AzureBackend) { self.backend = backend }

  /// Available whenever the shell has a backend: the shell checked `az` at start.
  public func availability() -> StrategyAvailability {
    .available(backend.kind == .sim ? "embedded simulator" : "az (\(backend.displayName))")
  }

  /// Every step is an az command line.
  public func route(for step: ExecutableStep) -> StepRoute? { StepRoute(strategy: name) }

  /// Renders the step's operation as az's argv (the `AzCommand` builders) and runs it.
  public func run(_ step: ExecutableStep, via route: StepRoute) -> AzResult {
    backend.run(AzCommand(step.operation))
  }
}
