import AzlinCore
import Foundation

/// OpenAI-style chat completions: `POST {endpoint}/chat/completions`.
///
/// Served by OpenAI, Azure OpenAI (`…/openai/v1`), Ollama, llama.cpp and vLLM. Sends
/// `Authorization: Bearer` when there is a key (Azure OpenAI hosts also get `api-key`), and
/// a system message followed by the user message; returns the first choice's content.
/// The body carries no `temperature` or token limit, which some models refuse.
public struct OpenAICompatibleClient: LLMClient {
  private let settings: LLMSettings
  private let transport: LLMTransport

  /// Creates a client; retries wait through `sleeper`.
  public init(settings: LLMSettings, sleeper: any Sleeper) {
    self.settings = settings
    self.transport = LLMTransport(settings: settings, sleeper: sleeper)
  }

  public func complete(system: String, user: String) -> Result<String, LLMFailure> {
    guard let url = Self.url(endpoint: settings.endpoint, appending: "/chat/completions") else {
      return .failure(.unreachable(host: settings.host, detail: "bad endpoint URL"))
    }
    let body: JSONValue = .object([
      ("model", .string(settings.model)),
      (
        "messages",
        .array([
          .object([("role", "system"), ("content", .string(system))]),
          .object([("role", "user"), ("content", .string(user))]),
        ])
      ),
    ])
    var headers: [(String, String)] = [
      ("content-type", "application/json"), ("accept", "application/json"),
    ]
    if let key = settings.apiKey {
      headers.append(("authorization", "Bearer " + key))
      if settings.host.lowercased().hasSuffix(".openai.azure.com") {
        headers.append(("api-key", key))
      }
    }
    switch transport.post(url: url, headers: headers, body: Data(body.compact().utf8)) {
    case .failure(let failure): return .failure(failure)
    case .success(let data): return Self.text(of: data)
    }
  }

  /// The first choice's message content of a chat completions response.
  static func text(of data: Data) -> Result<String, LLMFailure> {
    guard let json = try? JSONValue.parse(data: data) else {
      return .failure(.badResponse("not JSON"))
    }
    guard let choice = json["choices"]?.arrayValue?.first else {
      return .failure(.badResponse("no choices in the chat completions response"))
    }
    guard let content = choice.value(at: "message.content")?.stringValue, !content.isEmpty else {
      return .failure(.badReply("no text"))
    }
    return .success(content)
  }
}
