import AzlinCore
import Testing

@testable import AzlinConversation

/// A refusal that asks which VM ("Which VM do you mean by "all"?") takes the answer on the next
/// line, and the answer names exactly what was chosen — never every VM, never a new one.
@Suite struct RefusalAnswerTests {
  func sandbox() throws -> ShellSandbox { try .withVMs(["all", "web1", "web2"]) }

  func planned(_ s: ShellSandbox) -> [String] { s.plannedSteps }

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
    #expect(s.session.dialogue.pending == nil)
    #expect(s.output.take().contains { $0.hasPrefix("Which VM do you mean by") })
    s.session.handle(answer)
    #expect(planned(s) == steps, "\(s.output.take())")
  }

  @Test func anotherLineIsNotTakenAsTheAnswer() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("restart all")
    s.session.handle("list vms")
    #expect(s.session.dialogue.pending == nil)
    s.session.handle("web2")
    #expect(planned(s).isEmpty)
  }

  @Test(arguments: [
    (
      "create a vm called euro1 somewhere in europe", "north europe is fine", "euro1", "northeurope"
    ),
    ("create a vm called split in eastus and westus", "just eastus", "split", "eastus"),
    ("create 2.5 vms", "ok 2", "azlin-vm-2", "eastus"),
  ])
  func aShortAnswerSuppliesTheOneValueTheRefusalLacked(
    _ line: String, _ answer: String, _ vm: String, _ region: String
  ) throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle(line)
    #expect(planned(s).isEmpty)
    s.session.handle(answer)
    let steps = planned(s)
    #expect(steps.contains { $0.contains("create VM \(vm) ") && $0.hasSuffix(region) }, "\(steps)")
  }

  @Test func aNameAnswersANamingPhraseThatFailed() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("create a resource group called my group!")
    #expect(planned(s).isEmpty)
    s.session.handle("my-group")
    #expect(planned(s).contains { $0.contains("create resource group my-group") })
  }

  @Test func aRequestAfterARefusalIsNotTakenAsItsAnswer() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("create a vm called euro1 somewhere in europe")
    s.session.handle("list vms")
    #expect(planned(s).isEmpty)
    s.session.handle("north europe is fine")
    #expect(planned(s).isEmpty)
  }

  @Test func aPricedSizeIsTakenByOneCreateOnly() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("how much is a D8s v3 in westus2")
    s.session.handle("ok create one called heavy there")
    #expect(planned(s).contains { $0.contains("heavy (Standard_D8s_v3") })
    s.session.handle("n")
    s.session.handle("create a vm called light")
    #expect(planned(s).contains { $0.contains("light (Standard_B2s") })
  }

  @Test func yesWithWordsThatOnlyPointIsYes() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("delete webb1")
    guard case .question? = s.session.dialogue.pending else {
      Issue.record("no question: \(s.output.take())")
      return
    }
    _ = s.output.take()
    s.session.handle("yes, that one")
    let said = s.output.take()
    #expect(!said.contains { $0.contains("earlier question was dropped") }, "\(said)")
    switch s.session.dialogue.pending {
    case .approval(let p)?, .destroyConfirmation(let p, _, _)?:
      #expect(p.plan.steps.map(\.resource.name) == ["web1"])
    default: Issue.record("no plan: \(said)")
    }
  }

  @Test(arguments: [
    ("delete the vm", "the biggest one", "m2"), ("stop the vm", "the smallest one", "m3"),
  ])
  func aDescriptionAnswersWhichVM(_ line: String, _ answer: String, _ vm: String) throws {
    let s = try ShellSandbox(version: "test")
    defer { s.close() }
    _ = s.az("group create -n mix -l eastus")
    for (name, size) in [("m1", "Standard_B2s"), ("m2", "Standard_D8s_v3"), ("m3", "Standard_B1s")]
    {
      _ = s.az("vm create -g mix -n \(name) --image Ubuntu2204 --size \(size)")
    }
    s.session.handle(line)
    #expect(planned(s).isEmpty)
    s.session.handle(answer)
    switch s.session.dialogue.pending {
    case .approval(let p)?, .destroyConfirmation(let p, _, _)?:
      #expect(p.plan.steps.map(\.resource.name) == [vm])
    default: Issue.record("no plan: \(s.output.take())")
    }
  }

  @Test(arguments: [
    (
      "create a vm called x1 and set the password to Hunter2!",
      "ok forget the password, ssh keys are fine", "x1"
    ),
    (
      "create a vm called secure1 with admin password Tr0ub4dor&3xyz", "ok use ssh keys instead",
      "secure1"
    ),
    (
      "create a storage account named vaultbackup with access key Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==",
      "no key, just create it", "vaultbackup"
    ),
  ])
  func aLineRefusedForASecretIsPlannedWithoutIt(_ line: String, _ answer: String, _ name: String)
    throws
  {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle(line)
    #expect(planned(s).isEmpty)
    s.session.handle(answer)
    #expect(planned(s).contains { $0.contains(" \(name) ") }, "\(s.output.take())")
  }

  @Test func aQuestionAboutKeysIsNotTheRetry() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("create a vm called x1 and set the password to Hunter2!")
    s.session.handle("how do ssh keys work?")
    #expect(planned(s).isEmpty)
  }

  @Test(arguments: [
    ("create a vm called secure1 with admin password ***", "create a vm called secure1"),
    ("windows vm named winbox , user admin , password ***", "windows vm named winbox"),
    ("my azure client secret is *** , use it and make a vm named ci", "make a vm named ci"),
  ])
  func theSecretAndWhatLeadsUpToItAreCut(_ line: String, _ left: String) {
    #expect(TurnEngine.withoutSecret(line) == left)
  }

  @Test func whatARefusedRequestNamedIsItNext() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("resize web1 to Standard_Q99_v9")
    #expect(planned(s).isEmpty)
    s.session.handle("stop it")
    #expect(planned(s) == ["stop VM web1 in g"], "\(s.output.take())")
  }

  @Test func aRetryThatCannotBeReadWithoutTheSecretIsAskedAgain() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("my password is Hunter2 so do the usual thing")
    s.session.handle("ok use ssh keys instead")
    #expect(planned(s).isEmpty)
    #expect(s.output.take().last?.contains("without the secret") == true)
  }

  /// "Which time?" — "at 9 in the evening": the time the refused schedule lacked; another
  /// request instead is read as itself.
  @Test func aTimeOfDayAnswersTheTimeQuestion() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.handle("put an auto-shutdown on web2")
    #expect(s.output.take().contains { $0.hasPrefix("Which time?") })
    s.session.handle("at 9 in the evening")
    #expect(planned(s).contains { $0.contains("web2") && $0.contains("21:00") }, "\(planned(s))")

    let t = try sandbox()
    defer { t.close() }
    t.session.handle("put an auto-shutdown on web2")
    t.session.handle("restart web1")
    #expect(planned(t) == ["restart VM web1 in g"], "\(t.output.take())")
  }
}
