import AzlinCore
import AzlinPlanning
import Foundation
import Testing

@Suite struct LLMSettingsTests {
  static let key = "sk-ant-secret-value-0123456789"

  func load(_ toml: String?, _ environment: [String: String] = [:]) throws -> (
    LLMSettings?, [String]
  ) {
    let document = try toml.map { try TOMLDocument(parsing: $0) }
    return LLMSettings.load(document: document, environment: environment)
  }

  @Test func nothingConfiguredMeansOffWithoutWarnings() throws {
    let (settings, warnings) = try load(nil, ["PATH": "/usr/bin"])
    #expect(settings == nil)
    #expect(warnings.isEmpty)
  }

  @Test func anthropicKeyAloneTurnsAnthropicOnWithDefaults() throws {
    let (settings, warnings) = try load(nil, ["ANTHROPIC_API_KEY": Self.key])
    #expect(warnings.isEmpty)
    let s = try #require(settings)
    #expect(s.provider == .anthropic)
    #expect(s.model == LLMSettings.Provider.anthropic.defaultModel)
    #expect(s.endpoint == "https://api.anthropic.com")
    #expect(s.apiKey == Self.key)
    #expect(s.apiKeyVariable == "ANTHROPIC_API_KEY")
    #expect(s.timeoutSeconds == 30)
    #expect(s.maxRetries == 2)
  }

  @Test func openAIKeyAloneTurnsOpenAIOn() throws {
    let (settings, _) = try load(nil, ["OPENAI_API_KEY": "sk-openai"])
    #expect(settings?.provider == .openai)
    #expect(settings?.endpoint == "https://api.openai.com/v1")
    #expect(settings?.model == "gpt-4o-mini")
  }

  @Test func bothKeysPreferAnthropic() throws {
    let (settings, _) = try load(nil, ["OPENAI_API_KEY": "a", "ANTHROPIC_API_KEY": "b"])
    #expect(settings?.provider == .anthropic)
    #expect(settings?.apiKey == "b")
  }

  @Test func fileSettingsAreRead() throws {
    let (settings, warnings) = try load(
      """
      [llm]
      provider = "openai"
      model = "gpt-4.1-mini"
      endpoint = "https://example.openai.azure.com/openai/v1/"
      api_key_env = "AZURE_OPENAI_KEY"
      timeout_seconds = 12.5
      max_retries = 4
      """, ["AZURE_OPENAI_KEY": "azure-key"])
    #expect(warnings.isEmpty)
    let s = try #require(settings)
    #expect(s.provider == .openai)
    #expect(s.model == "gpt-4.1-mini")
    #expect(s.endpoint == "https://example.openai.azure.com/openai/v1")
    #expect(s.apiKey == "azure-key")
    #expect(s.apiKeyVariable == "AZURE_OPENAI_KEY")
    #expect(s.timeoutSeconds == 12.5)
    #expect(s.maxRetries == 4)
  }

  @Test func localOpenAICompatibleServerNeedsNoKey() throws {
    let (settings, warnings) = try load(
      """
      [llm]
      provider = "openai"
      model = "llama3.1"
      endpoint = "http://localhost:11434/v1"
      """)
    #expect(warnings.isEmpty)
    #expect(settings?.apiKey == nil)
    #expect(settings?.host == "localhost:11434")
  }

  @Test func environmentOverridesTheFile() throws {
    let (settings, warnings) = try load(
      """
      [llm]
      provider = "anthropic"
      model = "claude-x"
      """,
      [
        "AZLIN_LLM_PROVIDER": "OpenAI", "AZLIN_LLM_MODEL": "qwen2.5",
        "AZLIN_LLM_ENDPOINT": "http://127.0.0.1:8080/v1",
      ])
    #expect(warnings.isEmpty)
    #expect(settings?.provider == .openai)
    #expect(settings?.model == "qwen2.5")
    #expect(settings?.endpoint == "http://127.0.0.1:8080/v1")
  }

  @Test func providerNoneTurnsItOffEvenWithAKey() throws {
    let (settings, warnings) = try load(
      nil, ["AZLIN_LLM_PROVIDER": "none", "ANTHROPIC_API_KEY": Self.key])
    #expect(settings == nil)
    #expect(warnings.isEmpty)
  }

  @Test func anthropicWithoutAKeyIsOffWithAWarningNamingTheVariable() throws {
    let (settings, warnings) = try load("[llm]\nprovider = \"anthropic\"\n")
    #expect(settings == nil)
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains("ANTHROPIC_API_KEY is not set") == true)
    #expect(warnings.first?.contains("LLM parsing is off") == true)
  }

  @Test func unknownProviderIsOffWithAWarningNamingTheKeyAndLine() throws {
    let (settings, warnings) = try load("# llm\n[llm]\nprovider = \"gemini\"\n")
    #expect(settings == nil)
    #expect(
      warnings == [
        "config.toml:3: llm.provider must be \"anthropic\" or \"openai\" (or \"none\"), found \"gemini\"; LLM parsing is off."
      ])
  }

  @Test func badEnvironmentProviderNamesTheVariable() throws {
    let (settings, warnings) = try load(nil, ["AZLIN_LLM_PROVIDER": "bard"])
    #expect(settings == nil)
    #expect(warnings.first?.hasPrefix("AZLIN_LLM_PROVIDER must be") == true)
  }

  @Test func badEndpointIsOff() throws {
    let (settings, warnings) = try load(
      "[llm]\nprovider = \"openai\"\nendpoint = \"ftp://models\"\n", ["OPENAI_API_KEY": "k"])
    #expect(settings == nil)
    #expect(warnings.first?.contains("llm.endpoint must be an http or https URL") == true)
  }

  @Test func endpointWithCredentialsIsOff() throws {
    let (settings, warnings) = try load(
      nil, ["AZLIN_LLM_ENDPOINT": "https://user:pw@example.com/v1", "OPENAI_API_KEY": "k"])
    #expect(settings == nil)
    #expect(
      warnings.first?.contains("AZLIN_LLM_ENDPOINT must not carry a user or password") == true)
  }

  @Test func badNumbersKeepDefaultsWithWarnings() throws {
    let (settings, warnings) = try load(
      """
      [llm]
      provider = "anthropic"
      timeout_seconds = 0
      max_retries = "three"
      model = 5
      """, ["ANTHROPIC_API_KEY": Self.key])
    #expect(settings?.timeoutSeconds == 30)
    #expect(settings?.maxRetries == 2)
    #expect(settings?.model == LLMSettings.Provider.anthropic.defaultModel)
    #expect(warnings.count == 3)
    #expect(warnings.contains { $0.hasPrefix("config.toml:3: llm.timeout_seconds must be") })
    #expect(warnings.contains { $0.hasPrefix("config.toml:4: llm.max_retries must be") })
    #expect(
      warnings.contains { $0.hasPrefix("config.toml:5: llm.model must be a non-empty string") })
  }

  @Test func unknownKeyIsWarnedAbout() throws {
    let (settings, warnings) = try load(
      "[llm]\nprovider = \"anthropic\"\ntemperature = 0\n", ["ANTHROPIC_API_KEY": Self.key])
    #expect(settings != nil)
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains("llm.temperature is not a known setting") == true)
  }

  @Test func explicitKeyVariableMustBeSet() throws {
    let (settings, warnings) = try load(
      "[llm]\nprovider = \"openai\"\nendpoint = \"http://localhost:8000/v1\"\napi_key_env = \"VLLM_KEY\"\n"
    )
    #expect(settings == nil)
    #expect(warnings.first?.contains("VLLM_KEY is not set") == true)
  }

  @Test func keyOverPlainHTTPToARemoteHostIsWarnedAbout() throws {
    let (settings, warnings) = try load(
      nil, ["AZLIN_LLM_ENDPOINT": "http://models.example.com/v1", "OPENAI_API_KEY": "k"])
    #expect(settings != nil)
    #expect(warnings.first?.contains("travels unencrypted") == true)
  }

  @Test func keyNeverAppearsInPrintedForms() throws {
    let settings = LLMSettings(provider: .anthropic, apiKey: Self.key)
    var dumped = ""
    dump(settings, to: &dumped)
    for text in [
      "\(settings)", String(describing: settings), String(reflecting: settings), dumped,
      "\([settings])", "\(Optional(settings) as Any)",
    ] {
      #expect(!text.contains(Self.key), "\(text)")
    }
    #expect("\(settings)".contains("ANTHROPIC_API_KEY=***"))
  }
}
