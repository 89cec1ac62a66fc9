import AzlinAzure
import AzlinPlanning
import Foundation
import Testing

@Suite struct LLMPromptTests {
  /// The top-level `prompts/` folder, found from this file's path.
  static let promptsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("prompts")

  @Test func embeddedPromptsMatchThePromptsFolder() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.promptsFolder.path)
      .filter { $0.hasSuffix(".md") }.sorted()
    #expect(!files.isEmpty)
    #expect(
      files == EmbeddedPrompts.byFileName.keys.sorted(),
      "EmbeddedPrompts.swift does not list every prompts/*.md: run Scripts/embed-prompts.sh")
    for name in files {
      var text = try String(
        contentsOf: Self.promptsFolder.appendingPathComponent(name), encoding: .utf8)
      if text.hasSuffix("\n") { text.removeLast() }
      let embedded = EmbeddedPrompts.byFileName[name] ?? ""
      let a = embedded.split(separator: "\n", omittingEmptySubsequences: false)
      let b = text.split(separator: "\n", omittingEmptySubsequences: false)
      let first =
        zip(a, b).enumerated().first { $1.0 != $1.1 }?.offset ?? min(a.count, b.count)
      #expect(
        embedded == text,
        """
        EmbeddedPrompts.swift is stale for prompts/\(name) (first difference at line \(first + 1)): \
        run Scripts/embed-prompts.sh after editing prompts/
        """)
    }
  }

  @Test func systemPromptNamesEveryOperationAndParameter() {
    for kind in IntentKind.allCases {
      #expect(LLMPrompt.system.contains("`\(kind.rawValue)`"), "\(kind.rawValue)")
    }
    for key in [
      "names", "count", "resource_group", "region", "size", "image", "power_state", "all",
      "ports", "source", "time", "time_zone", "tags", "tagged",
      "size_change", "size_gb", "sku", "vm",
    ] {
      #expect(LLMPrompt.system.contains("`\(key)`"), "\(key)")
    }
    for member in ["intent", "parameters", "confidence", "explanation"] {
      #expect(LLMPrompt.system.contains("`\(member)`"), "\(member)")
    }
    #expect(LLMPrompt.system.contains("JSON only"))
  }

  @Test func userMessageCarriesTheLineContextAndLiveState() {
    var context = ConversationContext()
    context.vms = ["sam", "bob"]
    context.resourceGroup = "azlin-rg"
    context.region = "eastus"
    context.size = "Standard_B2s"
    let live = LiveState(
      groups: [.init(name: "azlin-rg", location: "eastus")],
      vms: [
        .init(
          name: "sam", resourceGroup: "azlin-rg", location: "eastus", size: "Standard_B2s",
          powerState: "running", id: "")
      ])
    let message = LLMPrompt.user(line: "stop them {{live}}", context: context, live: live)
    #expect(message.contains("<line>\nstop them {{live}}\n</line>"))
    #expect(message.contains("- last VMs: sam, bob"))
    #expect(message.contains("- last resource group: azlin-rg"))
    #expect(message.contains("- last region: eastus"))
    #expect(message.contains("- last size: Standard_B2s"))
    #expect(message.contains("- resource groups: azlin-rg (eastus)"))
    #expect(message.contains("  - sam: group azlin-rg, running, Standard_B2s, eastus"))
    #expect(!message.contains("{{context}}"))
  }

  @Test func emptyContextAndStateSaySo() {
    let message = LLMPrompt.user(line: "hi", context: ConversationContext(), live: LiveState())
    #expect(message.contains("- nothing yet"))
    #expect(message.contains("- resource groups: none"))
    #expect(message.contains("- VMs: none"))
  }

  @Test func liveSummaryIsTruncated() {
    let vms = (1...100).map {
      LiveState.VM(
        name: "vm\($0)", resourceGroup: "g", location: "eastus", size: "Standard_B1s",
        powerState: "running", id: "")
    }
    let groups = (1...50).map { LiveState.Group(name: "g\($0)", location: "eastus") }
    let summary = LLMPrompt.liveSummary(LiveState(groups: groups, vms: vms))
    #expect(summary.contains("vm80:"))
    #expect(!summary.contains("vm81:"))
    #expect(summary.contains("and 20 more not listed"))
    #expect(summary.contains("g40 (eastus), and 10 more not listed"))
  }
}
