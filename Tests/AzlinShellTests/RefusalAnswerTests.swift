import AzlinCore
import Testing

@testable import AzlinShell

/// A refusal that asks which VM ("Which VM do you mean by "all"?") takes the answer on the next
/// line, and the answer names exactly what was chosen — never every VM, never a new one.
@Suite struct RefusalAnswerTests {
  func sandbox() throws -> ShellSandbox {
    let s = try ShellSandbox(version: "test")
    for az in [
      "group create -n g -l eastus",
      "vm create -g g -n all --image Ubuntu2204 --size Standard_B2s",
      "vm create -g g -n web1 --image Ubuntu2204 --size Standard_B2s",
      "vm create -g g -n web2 --image Ubuntu2204 --size Standard_B2s",
    ] {
      _ = s.az(az)
    }
    return s
  }

  func planned(_ s: ShellSandbox) -> [String] {
    guard case .approval(let p)? = s.session.pending else { return [] }
    return p.plan.steps.map(Messages.stepSummary)
  }

  @Test(arguments: [
    ("restart all", "just the one called all", ["restart VM all in g"]),
    ("stop the second one", "web2", ["stop VM web2 in g"]),
    ("restart all", "all", ["restart VM all in g"]),
  ])
  func theAnswerCompletesTheRefusedLine(_ line: String, _ answer: String, _ steps: [String]) throws
  {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle(line)
    #expect(s.session.pending == nil)
    #expect(s.output.take().contains { $0.hasPrefix("Which VM do you mean by") })
    s.session.handle(answer)
    #expect(planned(s) == steps, "\(s.output.take())")
  }

  @Test func anotherLineIsNotTakenAsTheAnswer() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("restart all")
    s.session.handle("list vms")
    #expect(s.session.pending == nil)
    s.session.handle("web2")
    #expect(planned(s).isEmpty)
  }
}
