import AzlinCore
import AzlinLedger
import Foundation

/// How to reach an LLM backend for intent parsing, from `[llm]` in `config.toml` and the
/// environment.
///
/// The API key is held here but never printed: `description`, `debugDescription` and the
/// mirror (`dump`, `print`, string interpolation) show the variable it came from and `***`.
public struct LLMSettings: Equatable, Sendable, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  /// The wire protocol spoken to the endpoint.
  public enum Provider: String, Equatable, Sendable, CaseIterable {
    /// Anthropic's Messages API.
    case anthropic
    /// OpenAI's chat completions, also served by Azure OpenAI, Ollama, llama.cpp and vLLM.
    case openai

    /// The base URL used when none is configured.
    public var defaultEndpoint: String {
      switch self {
      case .anthropic: return "https://api.anthropic.com"
      case .openai: return "https://api.openai.com/v1"
      }
    }

    /// The environment variable holding the key when `api_key_env` is not set.
    public var defaultKeyVariable: String {
      switch self {
      case .anthropic: return "ANTHROPIC_API_KEY"
      case .openai: return "OPENAI_API_KEY"
      }
    }

    /// The model used when none is configured.
    public var defaultModel: String {
      switch self {
      case .anthropic: return "claude-haiku-4-5"
      case .openai: return "gpt-4o-mini"
      }
    }
  }

  /// The protocol.
  public var provider: Provider
  /// The model name sent with every request.
  public var model: String
  /// The base URL without a trailing `/` (`https://api.anthropic.com`).
  public var endpoint: String
  /// The environment variable the key was read from, for messages.
  public var apiKeyVariable: String
  /// The key; `nil` for local OpenAI-compatible servers that need none. Never printed.
  public var apiKey: String?
  /// How long one request may take.
  public var timeoutSeconds: Double
  /// How many times a request that met 429 or 5xx is sent again.
  public var maxRetries: Int

  /// Creates settings; `nil` arguments take the provider's defaults.
  public init(
    provider: Provider, model: String? = nil, endpoint: String? = nil, apiKey: String?,
    apiKeyVariable: String? = nil, timeoutSeconds: Double = 30, maxRetries: Int = 2
  ) {
    self.provider = provider
    self.model = model ?? provider.defaultModel
    var base = endpoint ?? provider.defaultEndpoint
    while base.hasSuffix("/") { base.removeLast() }
    self.endpoint = base
    self.apiKey = apiKey
    self.apiKeyVariable = apiKeyVariable ?? provider.defaultKeyVariable
    self.timeoutSeconds = timeoutSeconds
    self.maxRetries = maxRetries
  }

  /// The endpoint's host (and port), for one-line reasons; never carries the key.
  public var host: String {
    guard let url = URL(string: endpoint), let host = url.host else { return endpoint }
    return url.port.map { "\(host):\($0)" } ?? host
  }

  public var description: String {
    let key = apiKey == nil ? "none" : "\(apiKeyVariable)=\(Redactor.mask)"
    return
      "LLMSettings(provider: \(provider.rawValue), model: \(model), endpoint: \(endpoint), key: \(key), timeout: \(Self.format(timeoutSeconds)) s, retries: \(maxRetries))"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "provider": provider.rawValue, "model": model, "endpoint": endpoint,
        "apiKeyVariable": apiKeyVariable, "apiKey": apiKey == nil ? "none" : Redactor.mask,
        "timeoutSeconds": timeoutSeconds, "maxRetries": maxRetries,
      ], displayStyle: .struct)
  }

  static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() && abs(seconds) < 1e9
      ? String(Int(seconds)) : String(format: "%.1f", seconds)
  }
}

extension LLMSettings {
  /// The keys `[llm]` may hold.
  static let knownKeys: Set<String> = [
    "provider", "model", "endpoint", "api_key_env", "timeout_seconds", "max_retries",
  ]

  /// Reads the LLM settings from `[llm]` in `document` and from `environment`.
  ///
  /// `AZLIN_LLM_PROVIDER`, `AZLIN_LLM_MODEL` and `AZLIN_LLM_ENDPOINT` override the file. With
  /// no provider anywhere, a key in `ANTHROPIC_API_KEY` (first) or `OPENAI_API_KEY` turns that
  /// provider on with its default model. A provider of `none`, `off` or `local` turns LLM parsing
  /// off. Anthropic and api.openai.com need a key; other OpenAI-compatible endpoints (Ollama,
  /// llama.cpp, vLLM) may run without one.
  /// - Parameters:
  ///   - document: The parsed `config.toml`, or `nil` when there is none.
  ///   - environment: The process environment.
  ///   - path: How warnings name the file.
  /// - Returns: The settings, or `nil` when LLM parsing is off, and one warning line per
  ///   problem, each naming the key or variable to fix.
  public static func load(
    document: TOMLDocument?, environment: [String: String], path: String = "config.toml"
  ) -> (LLMSettings?, [String]) {
    var warnings: [String] = []
    func location(_ key: String) -> String { "\(path):\(document?.lines[key] ?? 0)" }
    func fileString(_ name: String) -> String? {
      let key = "llm." + name
      guard let value = document?[key] else { return nil }
      if case .string(let s) = value, !s.trimmingCharacters(in: .whitespaces).isEmpty {
        return s.trimmingCharacters(in: .whitespaces)
      }
      warnings.append(
        "\(location(key)): \(key) must be a non-empty string, found \(value.kindName).")
      return nil
    }
    func variable(_ name: String) -> String? {
      guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines),
        !value.isEmpty
      else { return nil }
      return value
    }
    func off(_ reason: String) -> (LLMSettings?, [String]) {
      warnings.append(reason + "; LLM parsing is off.")
      return (nil, warnings)
    }

    if let document {
      for key in document.keys(in: "llm") where !knownKeys.contains(key) {
        warnings.append(
          "\(location("llm." + key)): llm.\(key) is not a known setting (known: \(knownKeys.sorted().joined(separator: ", "))); ignoring it."
        )
      }
    }

    // The provider: the environment, then the file, then whichever key is present.
    let provider: Provider
    let providerText: String?
    let providerSource: String
    if let text = variable("AZLIN_LLM_PROVIDER") {
      providerText = text
      providerSource = "AZLIN_LLM_PROVIDER"
    } else {
      providerText = fileString("provider")
      providerSource = "\(location("llm.provider")): llm.provider"
    }
    if let text = providerText {
      let lower = text.lowercased()
      if ["none", "off", "local", "false", "disabled"].contains(lower) { return (nil, warnings) }
      guard let chosen = Provider(rawValue: lower) else {
        return off(
          "\(providerSource) must be \"anthropic\" or \"openai\" (or \"none\"), found \"\(text)\"")
      }
      provider = chosen
    } else if variable(Provider.anthropic.defaultKeyVariable) != nil {
      provider = .anthropic
    } else if variable(Provider.openai.defaultKeyVariable) != nil {
      provider = .openai
    } else {
      if let document, !document.keys(in: "llm").isEmpty {
        warnings.append(
          "\(path): [llm] has no provider and no API key is set; add llm.provider = \"anthropic\" or \"openai\" (LLM parsing is off)."
        )
      }
      return (nil, warnings)
    }

    let model = variable("AZLIN_LLM_MODEL") ?? fileString("model") ?? provider.defaultModel

    let endpointSource: String
    let endpoint: String
    if let text = variable("AZLIN_LLM_ENDPOINT") {
      endpoint = text
      endpointSource = "AZLIN_LLM_ENDPOINT"
    } else if let text = fileString("endpoint") {
      endpoint = text
      endpointSource = "\(location("llm.endpoint")): llm.endpoint"
    } else {
      endpoint = provider.defaultEndpoint
      endpointSource = "the default endpoint"
    }
    guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(),
      scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty
    else {
      return off(
        "\(endpointSource) must be an http or https URL such as \(provider.defaultEndpoint)")
    }
    guard url.user == nil, url.password == nil else {
      return off(
        "\(endpointSource) must not carry a user or password; put the key in an environment variable"
      )
    }

    var keyVariable = provider.defaultKeyVariable
    var keyVariableExplicit = false
    if let name = fileString("api_key_env") {
      if name.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil {
        keyVariable = name
        keyVariableExplicit = true
      } else {
        warnings.append(
          "\(location("llm.api_key_env")): llm.api_key_env must name an environment variable (letters, digits, _); using \(keyVariable)."
        )
      }
    }
    let key = variable(keyVariable)
    let needsKey =
      provider == .anthropic || host.lowercased() == "api.openai.com" || keyVariableExplicit
    if key == nil && needsKey {
      return off("\(keyVariable) is not set, and \(provider.rawValue) at \(host) needs an API key")
    }
    if key != nil, scheme == "http", !isLoopback(host) {
      warnings.append(
        "\(endpointSource) is plain http to \(host): the API key travels unencrypted; use https.")
    }

    var timeout = 30.0
    if let value = document?["llm.timeout_seconds"] {
      let seconds: Double?
      switch value {
      case .integer(let i): seconds = Double(i)
      case .float(let f): seconds = f
      default: seconds = nil
      }
      if let seconds, seconds >= 1, seconds <= 600 {
        timeout = seconds
      } else {
        warnings.append(
          "\(location("llm.timeout_seconds")): llm.timeout_seconds must be a number of seconds from 1 to 600; using 30."
        )
      }
    }
    var retries = 2
    if let value = document?["llm.max_retries"] {
      if case .integer(let i) = value, (0...10).contains(i) {
        retries = i
      } else {
        warnings.append(
          "\(location("llm.max_retries")): llm.max_retries must be an integer from 0 to 10; using 2."
        )
      }
    }

    let settings = LLMSettings(
      provider: provider, model: model, endpoint: endpoint, apiKey: key,
      apiKeyVariable: keyVariable, timeoutSeconds: timeout, maxRetries: retries)
    return (settings, warnings)
  }

  /// True for `localhost` and loopback addresses, where plain http stays on the machine.
  static func isLoopback(_ host: String) -> Bool {
    let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    return h == "localhost" || h == "::1" || h.hasPrefix("127.")
  }
}
