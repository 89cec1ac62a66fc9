import Foundation

/// An error reported by az: its Azure error code and message.
public struct AzError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Azure's error code, such as `ResourceGroupNotFound`; `Unknown` when az gave none.
  public var code: String
  /// The message, on one line.
  public var message: String
  /// az's exit code (1 error, 2 arguments rejected, 3 not found on show).
  public var exitCode: Int32

  public init(code: String, message: String, exitCode: Int32 = 1) {
    self.code = code
    self.message = message
    self.exitCode = exitCode
  }

  public var description: String { "(\(code)) \(message)" }

  /// Reads az's stderr: `ERROR: (Code) Message`, `Code: X` / `Message: Y` lines, or plain text.
  ///
  /// A wrapped deployment error (`(InvalidTemplateDeployment) … Exception Details: (QuotaExceeded) …`)
  /// reports the inner, real cause; a `Message:` line beats a message taken from a plain `ERROR:` line.
  public static func parse(stderr: String, exitCode: Int32) -> AzError {
    let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    var code: String?
    var message: String?
    var plainMessage = false
    var inDetails = false
    for line in lines {
      var rest = Substring(line)
      if rest.hasPrefix("ERROR:") { rest = rest.dropFirst(6).drop(while: { $0 == " " }) }
      if rest.hasPrefix("Exception Details:") {
        inDetails = true
        rest = rest.dropFirst("Exception Details:".count).drop(while: { $0 == " " || $0 == "\t" })
      }
      if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
        if code == nil || inDetails {
          code = String(rest[rest.index(after: rest.startIndex)..<close])
          message = rest[rest.index(after: close)...].trimmingCharacters(in: .whitespaces)
          plainMessage = false
        }
      } else if rest.hasPrefix("Code:") {
        if code == nil || inDetails {
          code = rest.dropFirst(5).trimmingCharacters(in: .whitespaces)
        }
      } else if rest.hasPrefix("Message:") {
        if message == nil || plainMessage || inDetails {
          message = rest.dropFirst(8).trimmingCharacters(in: .whitespaces)
          plainMessage = false
        }
      } else if message == nil, !rest.isEmpty, line.hasPrefix("ERROR:") {
        message = String(rest)
        plainMessage = true
      }
    }
    if code == nil, exitCode == 2 { code = "InvalidArgument" }
    let fallback = lines.first(where: { !$0.isEmpty }) ?? "az exited with status \(exitCode)"
    return AzError(code: code ?? "Unknown", message: message ?? fallback, exitCode: exitCode)
  }

}
