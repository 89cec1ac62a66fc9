import AzlinConversation
import Foundation
import Testing

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
