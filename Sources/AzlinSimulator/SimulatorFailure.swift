import AzlinAzure
import Foundation

/// Why a simulated az command failed, and how az would report it.
///
/// Azure errors print as az prints them, `ERROR: (Code) Message` followed by the `Code:` and
/// `Message:` lines; argument errors print as az's parser does, `ERROR: message`, with exit
/// code 2.
struct SimulatorFailure: Error, Equatable {
  /// Azure's error code, or `nil` for an argument error.
  var code: String?
  /// The message, on one line.
  var message: String
  /// az's exit code: 1 for an Azure error, 2 for arguments the parser rejects, 3 for a
  /// missing resource on `show`.
  var exitCode: Int32

  /// An error Azure reports, exit code 1 unless told.
  static func azure(_ code: String, _ message: String, exitCode: Int32 = 1) -> SimulatorFailure {
    SimulatorFailure(code: code, message: message, exitCode: exitCode)
  }

  /// An argument az's parser rejects: exit code 2.
  static func usage(_ message: String) -> SimulatorFailure {
    SimulatorFailure(code: nil, message: message, exitCode: 2)
  }

  /// A client-side error az reports without an Azure code: exit code 1.
  static func client(_ message: String) -> SimulatorFailure {
    SimulatorFailure(code: nil, message: message, exitCode: 1)
  }

  /// The same failure with another exit code (3 when `show` finds nothing).
  func with(exitCode: Int32) -> SimulatorFailure {
    var copy = self
    copy.exitCode = exitCode
    return copy
  }

  /// What az prints on stderr.
  var stderr: String {
    guard let code else { return "ERROR: \(message)\n" }
    return "ERROR: (\(code)) \(message)\nCode: \(code)\nMessage: \(message)\n"
  }
}
