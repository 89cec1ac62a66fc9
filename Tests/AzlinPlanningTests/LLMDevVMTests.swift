import AzlinAzure
import AzlinPlanning
import Foundation
import Testing

/// An LLM's reading of connecting and running a command: the operations and the `script`
/// parameter are read, and a command line the person did not type is refused as a guess.
@Suite struct LLMDevVMTests {
  /// Answers every request with one reply.
  final class OneReply: LLMClient, @unchecked Sendable {
    let reply: String
    init(_ reply: String) { self.reply = reply }
    func complete(system: String, user: String) -> Result<String, LLMFailure> { .success(reply) }
  }

  static let live = LiveState(
    groups: [.init(name: "dev-rg", location: "eastus")],
    vms: [
      .init(
        name: "sam", resourceGroup: "dev-rg", location: "eastus", size: "Standard_B2s",
        powerState: "running", id: "")
    ])

  func outcome(_ reply: String, line: String) -> LLMParseOutcome {
    LLMIntentParser(client: OneReply(reply)).parse(
      line, context: ConversationContext(), live: Self.live)
  }

  @Test func runCommandAndConnectAreRead() {
    let run = outcome(
      #"{"intent":"run_command","parameters":{"names":["sam"],"script":"df -h"},"confidence":0.9}"#,
      line: "run `df -h` on sam")
    guard case .parsed(.intents(let intents)) = run else {
      Issue.record("\(run)")
      return
    }
    #expect(intents.first?.kind == .runCommand)
    #expect(intents.first?.parameters.script == "df -h")
    #expect(intents.first?.parameters.names == ["sam"])
    let connect = outcome(
      #"{"intent":"connect_vm","parameters":{"names":["sam"]},"confidence":0.9}"#,
      line: "how do I get into sam")
    guard case .parsed(.intents(let read)) = connect else {
      Issue.record("\(connect)")
      return
    }
    #expect(read.first?.kind == .connectVM)
  }

  @Test func aCommandThePersonDidNotTypeIsAGuess() {
    let invented = outcome(
      #"{"intent":"run_command","parameters":{"names":["sam"],"script":"rm -rf /tmp/cache"},"confidence":0.9}"#,
      line: "clean up sam's cache")
    guard case .fellBack(let reason) = invented else {
      Issue.record("\(invented)")
      return
    }
    #expect(reason.contains("the line does not say"))
  }

  @Test func aScriptOfSeveralLinesIsRejected() {
    let reply =
      #"{"intent":"run_command","parameters":{"names":["sam"],"script":"a\nb"},"confidence":0.9}"#
    guard case .fellBack = outcome(reply, line: "run a on sam") else {
      Issue.record("accepted a two-line script")
      return
    }
  }
}
