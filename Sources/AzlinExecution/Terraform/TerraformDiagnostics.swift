import AzlinAzure
import Foundation

/// Reads the Azure error out of what Terraform printed when it failed.
///
/// azurerm wraps Azure's answer in its own diagnostic, in one of several forms depending on
/// the SDK that made the call:
///
/// - `unexpected status 409 (409 Conflict) with error: SkuNotAvailable: The requested …`
/// - `Status=409 Code="SkuNotAvailable" Message="…"`
/// - `Code: "QuotaExceeded"` in the poller's summary of a failed long-running operation
/// - `"code": "QuotaExceeded"` in a JSON response body
///
/// The first code found wins, except that a wrapper such as `InvalidTemplateDeployment`
/// gives way to the real cause inside it. The message is the diagnostic's summary: the first
/// `Error:` line with any lines continuing it (and, when it ends in a colon, the paragraph it
/// introduces), joined into one line.
public enum TerraformDiagnostics {
  /// Codes that only say a deployment failed; the code of the cause is reported instead.
  static let wrapperCodes: Set<String> = [
    "DeploymentFailed", "InvalidTemplateDeployment", "ResourceDeploymentFailure",
    "MultipleErrorsOccurred",
  ]

  /// Terraform's stderr as an Azure error.
  /// - Parameters:
  ///   - stderr: What terraform (or tofu) printed on standard error.
  ///   - exitCode: Its exit status.
  /// - Returns: The Azure code when one is in the output, else `TerraformFailed`, with the
  ///   first `Error:` summary (or the first line printed) as the message.
  public static func azError(stderr: String, exitCode: Int32) -> AzError {
    let message =
      summary(of: stderr)
      ?? stderr.split(separator: "\n").map(clean).first(where: { !$0.isEmpty && $0 != "Error:" })
      ?? "terraform exited with status \(exitCode)"
    return AzError(
      code: code(in: stderr) ?? "TerraformFailed", message: message, exitCode: exitCode)
  }

  /// The Azure error code in `text`, or `nil` when there is none.
  /// - Parameter text: Terraform's output.
  public static func code(in text: String) -> String? {
    let patterns = [
      #/with error: ([A-Z][A-Za-z0-9_]*):/#,
      #/\bCode\s*[=:]\s*\\?"([A-Za-z][A-Za-z0-9_]*)\\?"/#,
      #/(?i:\\?"code\\?"\s*:\s*\\?")([A-Za-z][A-Za-z0-9_]*)/#,
    ]
    var found: [(offset: Int, code: String)] = []
    for pattern in patterns {
      for match in text.matches(of: pattern) {
        let offset = text.distance(from: text.startIndex, to: match.range.lowerBound)
        found.append((offset, String(match.output.1)))
      }
    }
    found.sort { $0.offset < $1.offset }
    return (found.first { !wrapperCodes.contains($0.code) } ?? found.first)?.code
  }

  /// The first `Error:` line with text after it, joined with the lines that continue it (up
  /// to the first blank line) into one line; when that ends in a colon, with the paragraph
  /// after it too.
  static func summary(of stderr: String) -> String? {
    let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(clean)
    guard
      let start = lines.firstIndex(where: {
        $0.hasPrefix("Error:") && !$0.dropFirst(6).allSatisfy(\.isWhitespace)
      })
    else { return nil }
    var paragraph = [String(lines[start].dropFirst(6))]
    var rest = lines[(start + 1)...]
    paragraph += rest.prefix(while: { !$0.isEmpty })
    // A summary ending in a colon introduces what follows: the error Azure returned.
    if paragraph.last?.hasSuffix(":") == true {
      rest = rest.dropFirst(paragraph.count - 1).drop(while: \.isEmpty)
      paragraph += rest.prefix(while: { !$0.isEmpty })
    }
    return paragraph.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }

  /// A line without the box Terraform draws around diagnostics, or surrounding blanks.
  private static func clean(_ line: Substring) -> String {
    line.drop(while: { $0 == "│" || $0 == "╷" || $0 == "╵" || $0.isWhitespace })
      .trimmingCharacters(in: .whitespaces)
  }
}
