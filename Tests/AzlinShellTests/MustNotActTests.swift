import AzlinCore
import AzlinPlanning
import Foundation
import Testing

@testable import AzlinConversation

/// Lines that must never lead to a plan or a command (issue 12): questions, hypotheticals,
/// negations, exclusions that cannot be honoured, gibberish, bad counts and names that are not
/// names. Each runs in a sandbox holding web1 (running), web2 (stopped) and db (deallocated).
@Suite struct MustNotActTests {
  static let lines = [
    "what happens if I deallocate web1?", "what would happen if i resized web1 to a b2s",
    "how do I stop a vm", "can I delete web2?", "should I restart db",
    "would that also delete the storage account?", "is it possible to resize web1",
    "don't delete web1", "please do not stop web1", "never restart db",
    "stop all vms except web9", "delete everything but keep nothing-here",
    "make me a sandwich", "asdf qwerty", "lol", "create 0 vms", "create -2 vms",
    "create 2.5 vms", "make some vms", "create vms for the hackathon",
    "create a resource group called my group!",
    "create a vm called web7 and set the password as Hunter2!",
    "give it a -5 GB disk", "delete everything", "thanks!", "the second one",
    "spin up 1000 vms in eastus for a load test", "stop the vm", "stop web1, blorptastic",
    "create a group called rg! in eastus",
  ]

  /// An LLM that reads every line as "deallocate web1": the shell's own reading of the line's
  /// mood still keeps a question from acting.
  final class EagerClient: LLMClient, Sendable {
    func complete(system: String, user: String) -> Result<String, LLMFailure> {
      .success(
        #"[{"intent":"deallocate_vm","parameters":{"names":["web1"]},"confidence":0.97,"explanation":"deallocate web1"}]"#
      )
    }
  }

  @Test(arguments: [
    "what happens if I deallocate web1?", "the disk is attached now to web1?",
    "I'll probably deallocate web1 tomorrow", "should I deallocate web1",
  ])
  func questionsDoNotActThroughAnLLM(_ line: String) throws {
    try lineDoesNotAct(line, llm: LLMIntentParser(client: EagerClient()))
  }

  @Test(arguments: lines)
  func lineDoesNotAct(_ line: String) throws { try lineDoesNotAct(line, llm: nil) }

  func lineDoesNotAct(_ line: String, llm: LLMIntentParser?) throws {
    let sandbox = try ShellSandbox(version: "test", llm: llm)
    defer { sandbox.close() }
    for az in [
      "group create -n test-rg -l eastus",
      "vm create -g test-rg -n web1 --image Ubuntu2204 --size Standard_B2s",
      "vm create -g test-rg -n web2 --image Ubuntu2204 --size Standard_B2s",
      "vm stop -g test-rg -n web2",
      "vm create -g test-rg -n db --image Ubuntu2204 --size Standard_B2s",
      "vm deallocate -g test-rg -n db",
    ] {
      _ = sandbox.az(az)
    }
    sandbox.session.handle(line)
    let said = sandbox.output.take()
    let audit = (try? String(contentsOfFile: sandbox.home.auditLog, encoding: .utf8)) ?? ""
    #expect(!audit.contains(#""event":"plan""#), "\(line) planned: \(said)")
    #expect(!audit.contains(#""event":"command""#), "\(line) ran a command: \(said)")
    switch sandbox.session.dialogue.pending {
    case .approval?, .destroyConfirmation?, .undo?, .budgetOverride?:
      Issue.record("\(line) waits for approval: \(said)")
    default: break
    }
  }
}
