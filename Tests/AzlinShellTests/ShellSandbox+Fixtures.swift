@testable import AzlinConversation

extension ShellSandbox {
  /// A shell twin on a subscription the `az` lines make (`group create …`, `vm create …`).
  static func with(_ az: [String]) throws -> ShellSandbox {
    let s = try ShellSandbox(version: "test")
    for line in az { _ = s.az(line) }
    return s
  }

  /// A group `g` with VMs of these names (Standard_B2s, Ubuntu2204).
  static func withVMs(_ names: [String]) throws -> ShellSandbox {
    try with(
      ["group create -n g -l eastus"]
        + names.map { "vm create -g g -n \($0) --image Ubuntu2204 --size Standard_B2s" })
  }

  /// The steps of the plan waiting for approval, as the plan shows them (none when nothing waits).
  var plannedSteps: [String] {
    guard case .approval(let p)? = session.dialogue.pending else { return [] }
    return p.plan.steps.map(Messages.stepSummary)
  }
}
