import AzlinAzure
import Foundation

/// The messages sent to the model: the embedded system prompt and the user message built
/// from `prompts/intent-user.md` with the line, the conversation context and the live state.
public enum LLMPrompt {
  /// The system prompt, `prompts/intent-system.md`.
  public static var system: String { EmbeddedPrompts.intentSystem }
  /// The most groups and VMs listed; the rest are counted.
  static let maximumGroups = 40
  static let maximumVMs = 80

  /// The user message for `line`.
  public static func user(line: String, context: ConversationContext, live: LiveState) -> String {
    fill(
      EmbeddedPrompts.intentUser,
      with: ["line": line, "context": contextSummary(context), "live": liveSummary(live)])
  }

  /// What earlier turns were about, one fact a line.
  public static func contextSummary(_ context: ConversationContext) -> String {
    var lines: [String] = []
    if !context.vms.isEmpty { lines.append("- last VMs: " + context.vms.joined(separator: ", ")) }
    if let g = context.resourceGroup { lines.append("- last resource group: " + g) }
    if let r = context.region { lines.append("- last region: " + r) }
    if let s = context.size { lines.append("- last size: " + s) }
    return lines.isEmpty ? "- nothing yet" : lines.joined(separator: "\n")
  }

  /// Groups with their regions and VMs with group, power state, size and region, truncated.
  public static func liveSummary(_ live: LiveState) -> String {
    var lines: [String] = []
    if live.groups.isEmpty {
      lines.append("- resource groups: none")
    } else {
      let shown = live.groups.prefix(maximumGroups).map { "\($0.name) (\($0.location))" }
      var line = "- resource groups: " + shown.joined(separator: ", ")
      if live.groups.count > maximumGroups {
        line += ", and \(live.groups.count - maximumGroups) more not listed"
      }
      lines.append(line)
    }
    if live.vms.isEmpty {
      lines.append("- VMs: none")
    } else {
      lines.append("- VMs:")
      for vm in live.vms.prefix(maximumVMs) {
        lines.append(
          "  - \(vm.name): group \(vm.resourceGroup), \(vm.powerState), \(vm.size), \(vm.location)")
      }
      if live.vms.count > maximumVMs {
        lines.append("  - and \(live.vms.count - maximumVMs) more not listed")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Replaces each `{{name}}` in one pass, so a value that contains `{{…}}` stays as it is.
  static func fill(_ template: String, with values: [String: String]) -> String {
    var out = ""
    var rest = template[...]
    while let open = rest.range(of: "{{") {
      out += rest[..<open.lowerBound]
      let after = rest[open.upperBound...]
      if let close = after.range(of: "}}"), let value = values[String(after[..<close.lowerBound])] {
        out += value
        rest = after[close.upperBound...]
      } else {
        out += "{{"
        rest = after
      }
    }
    out += rest
    return out
  }
}
