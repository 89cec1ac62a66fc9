import Foundation
import Testing

@testable import AzlinConversation

/// `TurnEngine.handle` answers each line with the turn it made: what was said and how it ended.
@Suite struct TurnTests {
  @Test func aPlanWaitsAndItsApprovalIsAnAnswer() throws {
    let s = try ShellSandbox(version: "test")
    defer { s.close() }
    let asked = s.session.handle("create a vm called sam in eastus in group turn-rg")
    #expect(asked.waiting)
    #expect(!asked.failed && !asked.answered)
    #expect(asked.lines.contains { $0.hasPrefix("Proceed?") })
    let approved = s.session.handle("y")
    #expect(approved.answered && !approved.waiting && !approved.failed)
    #expect(approved.lines.last?.hasPrefix("Done (objective") == true)
  }

  @Test func aRefusalFailsAndAnEmptyLineSaysNothing() throws {
    let s = try ShellSandbox(version: "test")
    defer { s.close() }
    let refused = s.session.handle("delete vm ghost")
    #expect(refused.failed && !refused.waiting)
    #expect(!refused.lines.isEmpty)
    let empty = s.session.handle("   ")
    #expect(empty.lines.isEmpty && !empty.failed && !empty.answered && !empty.waiting)
  }
}

extension TurnTests {
  /// Words that carry out the last preview: the phrases with assent and filler around them.
  @Test(
    arguments: [
      ("do it", true), ("yeah do it", true), ("ok just do it", true), ("sure, go ahead now", true),
      ("alright then, proceed", true), ("yes please", true), ("yes", false), ("ok", false),
      ("do it tomorrow", false), ("don't do it", false), ("go ahead and delete web2", false),
    ])
  func goAheadWords(_ line: String, _ goes: Bool) {
    #expect(TurnEngine.goAhead(line) == goes)
  }
}
