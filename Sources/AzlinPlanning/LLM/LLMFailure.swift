import Foundation

/// Why an LLM request gave no usable intents, as one line for the shell.
///
/// No case carries the API key, the request body or text from the model's reply: hosts,
/// status codes and azlin's own words only.
public enum LLMFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// The endpoint could not be reached (refused, unknown host, TLS, dropped connection).
  case unreachable(host: String, detail: String)
  /// No reply within the timeout.
  case timedOut(host: String, seconds: Double)
  /// 401 or 403: the key is missing, wrong or not allowed.
  case keyRejected(host: String, status: Int, variable: String)
  /// 429 on every attempt, or a `retry-after` too long to wait for.
  case rateLimited(host: String, attempts: Int, retryAfter: Double?)
  /// 5xx on every attempt.
  case serverError(host: String, status: Int, attempts: Int)
  /// Any other non-2xx status; `errorType` is the provider's error code when it is a plain word.
  case httpStatus(host: String, status: Int, errorType: String?)
  /// The HTTP reply is not the provider's response format.
  case badResponse(String)
  /// The model's text is not valid intent JSON.
  case badReply(String)
  /// The model found none of azlin's operations in the line (it replied `[]`).
  case noOperation
  /// The line is too long to send.
  case lineTooLong(limit: Int)

  public var description: String {
    switch self {
    case .unreachable(let host, let detail):
      return "cannot reach \(host) (\(detail))"
    case .timedOut(let host, let seconds):
      return "no reply from \(host) within \(LLMSettings.format(seconds)) s"
    case .keyRejected(let host, let status, let variable):
      return "\(host) rejected the API key (HTTP \(status)); check \(variable)"
    case .rateLimited(let host, let attempts, let retryAfter):
      if let retryAfter {
        return
          "rate limited by \(host) (HTTP 429); it asks to wait \(LLMSettings.format(retryAfter.rounded(.up))) s"
      }
      return "rate limited by \(host) (HTTP 429) after \(attempts) \(Self.attempts(attempts))"
    case .serverError(let host, let status, let attempts):
      return "\(host) failed (HTTP \(status)) after \(attempts) \(Self.attempts(attempts))"
    case .httpStatus(let host, let status, let errorType):
      let hint: String
      switch status {
      case 404: hint = "; check llm.endpoint and llm.model"
      case 400, 422: hint = "; check llm.model"
      default: hint = ""
      }
      return
        "\(host) refused the request (HTTP \(status)\(errorType.map { ", " + $0 } ?? ""))\(hint)"
    case .badResponse(let what):
      return "unexpected response from the LLM endpoint: \(what)"
    case .badReply(let what):
      return "the model's reply was not usable: \(what)"
    case .noOperation:
      return "the model found no operation azlin knows in the line"
    case .lineTooLong(let limit):
      return "the line is longer than \(limit) characters"
    }
  }

  private static func attempts(_ n: Int) -> String { n == 1 ? "attempt" : "attempts" }
}
