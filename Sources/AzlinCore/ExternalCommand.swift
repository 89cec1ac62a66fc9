import Foundation

/// A program to run: the executable and its arguments as an argv array, never a shell string.
public struct ExternalCommand: Equatable, Sendable, CustomStringConvertible {
  /// The program, by name (looked up on `PATH`) or by path.
  public var executable: String
  /// The arguments after the program name.
  public var arguments: [String]
  /// Extra environment variables on top of the current ones.
  public var environment: [String: String]
  /// How long the program may run before it is terminated.
  public var timeout: TimeInterval
  /// True for a program the person uses in the terminal (`ssh`): it inherits standard input,
  /// output and error, nothing is captured, and it runs until it exits.
  public var attachesTerminal: Bool

  public init(
    executable: String, arguments: [String], environment: [String: String] = [:],
    timeout: TimeInterval = 600, attachesTerminal: Bool = false
  ) {
    self.executable = executable
    self.arguments = arguments
    self.environment = environment
    self.timeout = timeout
    self.attachesTerminal = attachesTerminal
  }

  /// The full argv: the program followed by its arguments.
  public var argv: [String] { [executable] + arguments }

  public var description: String { argv.joined(separator: " ") }
}

/// What a finished program left behind.
public struct ProcessOutput: Equatable, Sendable {
  public var exitCode: Int32
  public var stdout: String
  public var stderr: String
  /// True when the program was terminated at its timeout.
  public var timedOut: Bool

  public init(exitCode: Int32, stdout: String, stderr: String, timedOut: Bool = false) {
    self.exitCode = exitCode
    self.stdout = stdout
    self.stderr = stderr
    self.timedOut = timedOut
  }
}

/// Runs external programs.
public protocol ProcessRunner: AnyObject, Sendable {
  /// Runs `command` to completion (or its timeout).
  /// - Throws: `ProcessRunnerError.notFound` when the program does not exist.
  func run(_ command: ExternalCommand) throws -> ProcessOutput
}

/// Why a program could not be started.
public enum ProcessRunnerError: Error, Equatable, CustomStringConvertible {
  case notFound(String)
  case launchFailed(String, String)

  public var description: String {
    switch self {
    case .notFound(let name): return "\(name) is not installed or not on PATH"
    case .launchFailed(let name, let reason): return "cannot start \(name): \(reason)"
    }
  }
}
