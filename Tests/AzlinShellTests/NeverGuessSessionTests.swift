import AzlinCore
import Testing

@testable import AzlinConversation

/// Across turns: a line that is a request of its own is never taken as the answer to a question,
/// an answer keeps everything it says, and a correction after a price question prices again.
@Suite struct NeverGuessSessionTests {
  func sandbox() throws -> ShellSandbox { try .withVMs(["web1", "web2", "web3"]) }

  func planned(_ s: ShellSandbox) -> [String] { s.plannedSteps }

  @Test(arguments: ["what ports are open on web2", "web2 takes 5432 from 10.0.0.0/8"])
  func aLineOfItsOwnIsNotAChoiceAmongTheOptions(_ line: String) throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("open port 9000")
    guard case .question? = s.session.dialogue.pending else {
      Issue.record("no question: \(s.output.take())")
      return
    }
    s.session.handle(line)
    #expect(!planned(s).contains { $0.contains("9000") }, "\(s.output.take())")
  }

  @Test func aDiskSizeAnswerKeepsTheTierSaidWithIt() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("give web1 a disk")
    #expect(planned(s).isEmpty)
    #expect(s.output.take().contains { $0.contains("Which disk size?") })
    s.session.handle("64 gb standard hdd")
    let steps = planned(s)
    #expect(steps.contains { $0.contains("64 GB") && $0.contains("Standard HDD") }, "\(steps)")
  }

  @Test func sorryWithARegionAfterAPriceQuestionPricesThere() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("how much is a D4s v3 in westus2")
    s.session.handle("sorry, northeurope")
    let intents = s.session.dialogue.lastRequest?.intents ?? []
    #expect(intents.map(\.kind) == [.costReport])
    #expect(intents.first?.parameters.region == "northeurope")
    #expect(intents.first?.parameters.size == "Standard_D4s_v3")
  }
}

extension NeverGuessSessionTests {
  /// "what if I delete web1" — a line not understood that asks for another change — "do it":
  /// the preview is not what "do it" means any more, so nothing is planned (never the delete).
  @Test func doItAfterALineNotUnderstoodCarriesOutNothing() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("what would happen if I deleted web1")
    _ = s.output.take()
    s.session.handle("blorp, deallocate the frobnicator")
    _ = s.output.take()
    s.session.handle("do it")
    let said = s.output.take()
    #expect(planned(s).isEmpty, "\(said)")
    #expect(said.contains(Messages.nothingWaiting), "\(said)")
  }
}
