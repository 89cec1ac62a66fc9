import AzlinCore

/// Where az commands land: the real Azure CLI, or the embedded simulator.
public protocol AzureBackend: AnyObject {
  /// `sim` or `az`.
  var kind: BackendKind { get }
  /// What the prompt shows: `sim`, or the subscription's name.
  var displayName: String { get }
  /// Runs one command and reports what it did.
  func run(_ command: AzCommand) -> AzResult
  /// Runs commands that do not depend on one another and reports each, in the order given.
  ///
  /// The default runs them one after another. A backend whose commands are processes of their
  /// own (`AzureCLIBackend`) runs them side by side, so that reading what exists takes as long
  /// as its slowest listing rather than the sum of them.
  func runAll(_ commands: [AzCommand]) -> [AzResult]
}

extension AzureBackend {
  public func runAll(_ commands: [AzCommand]) -> [AzResult] { commands.map(run) }
}

/// The two kinds of backend.
public enum BackendKind: String, Sendable, CaseIterable {
  case az
  case sim
}
