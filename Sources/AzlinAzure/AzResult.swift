import AzlinCore
import Foundation

/// What one az command left behind: exit code, output and how long it took.
public struct AzResult: Equatable, Sendable {
  public var exitCode: Int32
  public var stdout: String
  public var stderr: String
  /// Milliseconds on the context's clock (modelled time on the simulator).
  public var durationMs: Int

  public init(exitCode: Int32, stdout: String, stderr: String, durationMs: Int = 0) {
    self.exitCode = exitCode
    self.stdout = stdout
    self.stderr = stderr
    self.durationMs = durationMs
  }

  /// True when az exited 0.
  public var succeeded: Bool { exitCode == 0 }

  /// The JSON az printed, when it printed any.
  public var json: JSONValue? {
    let text = stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { return nil }
    return try? JSONValue.parse(text)
  }

  /// The error az reported, when it failed.
  public var error: AzError? {
    succeeded ? nil : AzError.parse(stderr: stderr, exitCode: exitCode)
  }
}
