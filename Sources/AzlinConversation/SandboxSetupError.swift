/// A starting-state command that the simulator refused.
public struct SandboxSetupError: Error, CustomStringConvertible {
  public var line: Int
  public var command: String
  public var message: String
  public var description: String {
    "starting state, line \(line): az \(command) failed: \(message)"
  }
}
