import AzlinAzure

/// A way to carry out a whole plan at once: Terraform (or OpenTofu).
///
/// The executor asks it first when it accepts the plan; afterwards every step is checked
/// against live state, and the steps that do not hold go on through the step strategies.
public protocol PlanStrategy: AnyObject, Sendable {
  /// The name recorded in objectives and the audit log, such as `terraform`.
  var name: String { get }
  /// Whether the strategy can be used now (its binary on `PATH`).
  func availability() -> StrategyAvailability
  /// True when the strategy should take this plan: larger infrastructure it can express.
  func accepts(_ steps: [ExecutableStep]) -> Bool
  /// Carries out `steps` for the objective `objectiveID`.
  func apply(_ steps: [ExecutableStep], objectiveID: String) -> PlanApplication
  /// True when it applied the objective `objectiveID` and can take it back whole (Terraform:
  /// its folder still holds the configuration and state).
  func canDestroy(objectiveID: String) -> Bool
  /// Takes back what it applied for the objective `objectiveID` (undo, rollback).
  func destroy(objectiveID: String) -> PlanApplication
}

extension PlanStrategy {
  /// A plan strategy that keeps nothing to take back: undo goes step by step.
  public func canDestroy(objectiveID: String) -> Bool { false }

  public func destroy(objectiveID: String) -> PlanApplication {
    PlanApplication(
      commands: [],
      error: AzError(
        code: "NothingToDestroy", message: "\(name) keeps nothing to take back for \(objectiveID)"))
  }
}

/// What a plan strategy ran, and how it ended.
public struct PlanApplication: Equatable, Sendable {
  /// One command the strategy ran.
  public struct Command: Equatable, Sendable {
    /// The full argv, secrets redacted.
    public var argv: [String]
    public var exitCode: Int32
    public var durationMs: Int

    public init(argv: [String], exitCode: Int32, durationMs: Int) {
      self.argv = argv
      self.exitCode = exitCode
      self.durationMs = durationMs
    }
  }

  /// The commands run, in order.
  public var commands: [Command]
  /// Why the application failed, as an Azure error when one can be read from the output;
  /// `nil` when every command succeeded.
  public var error: AzError?

  public init(commands: [Command], error: AzError?) {
    self.commands = commands
    self.error = error
  }
}
