import AzlinCore

/// Where az commands land: the real Azure CLI, or the embedded simulator.
public protocol AzureBackend: AnyObject {
  /// `sim` or `az`.
  var kind: BackendKind { get }
  /// What the prompt shows: `sim`, or the subscription's name.
  var displayName: String { get }
  /// Runs one command and reports what it did.
  func run(_ command: AzCommand) -> AzResult
}

/// The two kinds of backend.
public enum BackendKind: String, Sendable, CaseIterable {
  case az
  case sim
}
