/// Why a plan cannot be written as Terraform: the step, and what in it has no equivalent.
public struct TerraformUnsupported: Error, Equatable, Sendable, CustomStringConvertible {
  /// The number of the step that cannot be expressed.
  public var step: Int
  /// What about the step cannot be expressed, such as `vm resize is not a create`.
  public var reason: String

  public init(step: Int, reason: String) {
    self.step = step
    self.reason = reason
  }

  public var description: String { "step \(step): \(reason)" }
}
