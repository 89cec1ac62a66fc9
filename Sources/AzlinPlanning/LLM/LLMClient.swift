import Foundation

/// A chat model that answers one system prompt and one user message with text.
///
/// `AnthropicClient` and `OpenAICompatibleClient` speak HTTP; tests may pass their own.
/// Calls block the calling thread until the reply, the timeout or the last retry.
public protocol LLMClient: Sendable {
  /// The model's text reply to `user` under `system`, or why there is none.
  func complete(system: String, user: String) -> Result<String, LLMFailure>
}

extension LLMClient {
  /// `endpoint` with `path` appended to its path, keeping any query (`?api-version=…`).
  static func url(endpoint: String, appending path: String) -> URL? {
    guard var components = URLComponents(string: endpoint) else { return nil }
    var base = components.path
    while base.hasSuffix("/") { base.removeLast() }
    components.path = base + path
    return components.url
  }
}
