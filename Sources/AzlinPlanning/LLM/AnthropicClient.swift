import AzlinCore
import Foundation

/// Anthropic's Messages API: `POST {endpoint}/v1/messages`.
///
/// Sends `x-api-key`, `anthropic-version: 2023-06-01` and a JSON body with the model,
/// `max_tokens`, the system prompt and one user message; returns the text blocks of the reply.
public struct AnthropicClient: LLMClient {
  /// The API version header value.
  public static let apiVersion = "2023-06-01"
  /// The most tokens a reply may use; intent JSON needs far fewer.
  public static let maxTokens = 1024

  private let settings: LLMSettings
  private let transport: LLMTransport

  /// Creates a client; retries wait through `sleeper`.
  public init(settings: LLMSettings, sleeper: any Sleeper) {
    self.settings = settings
    self.transport = LLMTransport(settings: settings, sleeper: sleeper)
  }

  public func complete(system: String, user: String) -> Result<String, LLMFailure> {
    // An endpoint configured as …/v1 gets /messages, anything else /v1/messages.
    let path = settings.endpoint.hasSuffix("/v1") ? "/messages" : "/v1/messages"
    guard let url = Self.url(endpoint: settings.endpoint, appending: path) else {
      return .failure(.unreachable(host: settings.host, detail: "bad endpoint URL"))
    }
    let body: JSONValue = .object([
      ("model", .string(settings.model)),
      ("max_tokens", .number(Double(Self.maxTokens))),
      ("temperature", .number(0)),
      ("system", .string(system)),
      ("messages", .array([.object([("role", "user"), ("content", .string(user))])])),
    ])
    var headers: [(String, String)] = [
      ("content-type", "application/json"), ("accept", "application/json"),
      ("anthropic-version", Self.apiVersion),
    ]
    if let key = settings.apiKey { headers.append(("x-api-key", key)) }
    switch transport.post(url: url, headers: headers, body: Data(body.compact().utf8)) {
    case .failure(let failure): return .failure(failure)
    case .success(let data): return Self.text(of: data)
    }
  }

  /// The concatenated `text` blocks of a Messages API response.
  static func text(of data: Data) -> Result<String, LLMFailure> {
    guard let json = try? JSONValue.parse(data: data) else {
      return .failure(.badResponse("not JSON"))
    }
    guard let blocks = json["content"]?.arrayValue else {
      return .failure(.badResponse("no content in the Messages API response"))
    }
    let texts = blocks.compactMap { block -> String? in
      guard block["type"]?.stringValue == "text" else { return nil }
      return block["text"]?.stringValue
    }
    guard !texts.isEmpty else { return .failure(.badReply("no text")) }
    return .success(texts.joined())
  }
}
