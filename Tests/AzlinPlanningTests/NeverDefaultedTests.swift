import AzlinAzure
import AzlinPlanning
import Testing

/// What a line half-says is asked, never filled from the defaults: a live group's name wins
/// over the grammar's word for group, a detail named by its kind alone is asked, a change for
/// another time or on a condition is not done now, and a reading that leaves part of the line
/// out is confirmed first.
@Suite struct NeverDefaultedTests {
  static func vm(_ name: String, _ group: String, state: String = "running") -> LiveState.VM {
    .init(
      name: name, resourceGroup: group, location: "eastus", size: "Standard_B2s",
      powerState: state, id: "")
  }

  /// Groups named like words of the grammar ("rg", "group", "test").
  static let live = LiveState(
    groups: [
      .init(name: "rg", location: "westus2"), .init(name: "test", location: "eastus"),
      .init(name: "apps-rg", location: "eastus"),
    ],
    vms: [vm("api", "apps-rg"), vm("batch", "apps-rg", state: "deallocated")])

  func parse(_ line: String, context: ConversationContext = ConversationContext()) -> ParseResult {
    LocalIntentParser().parse(line, context: context, live: Self.live)
  }

  func intents(_ line: String, context: ConversationContext = ConversationContext()) -> [Intent] {
    if case .intents(let i) = parse(line, context: context) { return i }
    return []
  }

  func problem(_ line: String, context: ConversationContext = ConversationContext())
    -> ParseProblem?
  {
    if case .notUnderstood(let p) = parse(line, context: context) { return p }
    return nil
  }

  @Test func aLiveGroupNamedLikeTheWordForGroupIsThatGroup() {
    // The word "rg" after "in" is the group that exists by that name, not "a resource group".
    for line in ["make a box named carl in rg", "put a new vm called dora into the rg group"] {
      let i = intents(line)
      #expect(i.map(\.kind) == [.provisionVM], "\(line)")
      #expect(i.first?.parameters.resourceGroup == "rg", "\(line)")
    }
    #expect(intents("build a vm called eve on test").first?.parameters.resourceGroup == "test")
  }

  @Test func aWordForGroupIsNeverANewGroupsName() {
    // "in the rg group" with no group "rg": never a group called "group", never the default.
    let empty = LiveState()
    let r = LocalIntentParser().parse(
      "spin up a vm called fay in the rg group", context: ConversationContext(), live: empty)
    switch r {
    case .intents(let i):
      #expect(i.first?.parameters.resourceGroup != "group")
      #expect(i.first?.parameters.resourceGroup != nil)
    case .notUnderstood(let problem):
      #expect(
        problem
          == .missingDetail(
            "resource group", example: "create a vm called web1 in the group demo-rg"))
    }
    // Right after the word for group a name stands, even an English word.
    let r2 = LocalIntentParser().parse(
      "create a vm called gus in rg other", context: ConversationContext(), live: empty)
    if case .intents(let i) = r2 {
      #expect(i.first?.parameters.resourceGroup == "other")
    } else {
      Issue.record("not read: \(r2)")
    }
  }

  @Test func aGroupNamedByItsKindAloneIsAsked() {
    for line in [
      "create a vm called hal in a fresh group", "deallocate every vm in the resource group",
      "make two vms under another rg",
    ] {
      guard case .missingDetail(let what, _)? = problem(line) else {
        Issue.record("not asked: \(line) → \(parse(line))")
        continue
      }
      #expect(what == "resource group")
    }
    // "the group" is the conversation's group when it has one.
    var c = ConversationContext()
    var made = Intent(kind: .createResourceGroup)
    made.parameters.names = ["apps-rg"]
    c.remember(made)
    #expect(
      intents("put a vm called ivy in the group", context: c).first?.parameters.resourceGroup
        == "apps-rg")
  }

  @Test func aSizeRegionImageOrNameSaidByKindAloneIsAsked() {
    let asked: [(String, String)] = [
      ("create a vm called jo with lots of ram", "size"),
      ("give me a vm called kim with more cores", "size"),
      ("create a vm called lu in another region", "region"),
      ("create a vm called max with some other os", "image"),
      ("spin up a vm with a name", "name"),
    ]
    for (line, detail) in asked {
      guard case .missingDetail(let what, _)? = problem(line) else {
        Issue.record("not asked: \(line) → \(parse(line))")
        continue
      }
      #expect(what == detail, "\(line)")
    }
    // Left to azlin on purpose, or given: planned.
    for line in [
      "create a vm called ned in any region", "create a vm called ola, you choose the size",
      "create a vm called pia with 8 gb of memory", "a memory optimised vm called quin with 32 gb",
    ] {
      #expect(intents(line).map(\.kind) == [.provisionVM], "\(line)")
    }
    #expect(
      intents("a memory optimised vm called quin with 32 gb").first?.parameters.looseSize?.memoryGB
        == 32)
  }

  @Test func aChangeForAnotherTimeIsNotDoneNow() {
    for (line, when) in [
      ("deallocate api tomorrow", "tomorrow"), ("reboot api every morning", "every morning"),
      ("delete batch next week", "next week"), ("deallocate api this friday", "this friday"),
      ("restart api in 20 minutes", "in 20 minutes"), ("power off api on friday", "on friday"),
    ] {
      #expect(problem(line) == .later(when), "\(line)")
    }
    // How long, not when; a weekday said alone; a remark about later: done now.
    for line in [
      "stop api for the weekend", "friday! stop api", "stop api, I'll start it again later",
    ] {
      #expect(intents(line).map(\.kind) == [.stopVM], "\(line)")
    }
    // Asked about, it is previewed as before.
    #expect(intents("what if I stop api tomorrow").first?.parameters.hypothetical == true)
  }

  @Test func aConditionIsHonouredOrRefused() {
    // api runs: "if it's running" holds, so the stop goes ahead; "if it's deallocated" does not.
    #expect(intents("stop api if it's running").map(\.kind) == [.stopVM])
    guard case .unknownWords(let words)? = problem("remove api if it is deallocated") else {
      Issue.record("not refused")
      return
    }
    #expect(words.first == "if")
    for line in ["restart api unless someone is logged in", "delete api once the backup is done"] {
      guard case .unknownWords? = problem(line) else {
        Issue.record("not refused: \(line) → \(parse(line))")
        continue
      }
    }
    // Politeness is no condition; a filter over a set is one azlin honours.
    #expect(intents("reboot api when you can").map(\.kind) == [.restartVM])
    #expect(intents("start every vm if it's deallocated").first?.parameters.powerState != nil)
  }

  @Test func aReadingThatLeavesPartOfTheLineOutIsConfirmed() {
    // The size goes nowhere in a reboot; the second verb was not read.
    for line in ["reboot api and also make it faster", "power off api, also give it 8 cores"] {
      let i = intents(line)
      #expect(!i.isEmpty, "\(line)")
      #expect(i.contains { $0.confidence < 0.7 }, "\(line)")
    }
    #expect(intents("reboot api").first?.confidence ?? 0 >= 0.7)
  }

  @Test func aDevVMChangeWithWordsNoGrammarKnowsIsConfirmed() {
    let i = intents("open 8443 on api for the grafana dashboards")
    #expect(i.map(\.kind) == [.openPort])
    #expect(i.first?.confidence ?? 1 < 0.7)
    #expect(intents("open port 8443 on api").first?.confidence ?? 0 >= 0.7)
  }

  @Test func aDevVMChangeWithAnExclusionIsRefused() {
    let line = "shut every port on api besides https"
    guard case .unknownWords(let w)? = problem(line) else {
      Issue.record("not refused: \(parse(line))")
      return
    }
    #expect(w.first == "besides")
    // One key with two values for two VMs is a tag for each, never the last value for both.
    let tagged = intents("tag api owner=ann and batch owner=bo")
    #expect(tagged.map(\.parameters.names) == [["api"], ["batch"]])
    #expect(tagged.map(\.parameters.tags) == [["owner": "ann"], ["owner": "bo"]])
  }

  @Test func aWordMendedToAnotherIsConfirmedBeforeAChange() {
    // "half" is one letter from "halt", "stepped" from "stopped": the reading is asked first,
    // and says what was typed.
    let halt = intents("half the size of api")
    #expect(halt.map(\.kind) == [.stopVM])
    #expect(halt.allSatisfy { $0.confidence < 0.7 })
    let mended = intents("deallocate the vms that are stepped")
    #expect(mended.map(\.kind) == [.deallocateVM])
    #expect(mended.allSatisfy { $0.confidence < 0.7 })
    #expect(mended.allSatisfy { $0.explanation.contains("you typed stepped") })
    // A verb slip is confirmed; a read is answered as it is.
    #expect(intents("restrat api").first?.confidence ?? 1 < 0.7)
    #expect(intents("lsit vms").first?.confidence ?? 0 >= 0.7)
  }

  @Test func aSizeOrOSForWhatACreateOrResizeCannotChangeIsRefused() {
    #expect(problem("make the data disk of api larger") == .unsupported("resizing disks"))
    #expect(
      problem("upgrade debian on api") == .unsupported("changing a VM's operating system"))
    // A new disk with its size, and a VM made bigger, are read as before.
    #expect(intents("add a 256 gb disk to api").map(\.kind) == [.attachDisk])
    #expect(intents("make api larger").map(\.kind) == [.resizeVM])
  }

  @Test func aPartOfAVMNamedAsTheObjectIsNotTheVM() {
    // "the keys on api", "the logs of api": the thing acted on is a part azlin does not manage.
    for (line, part) in [
      ("cycle the keys on api", "keys"), ("delete the data on api", "data"),
    ] {
      #expect(problem(line) == .unknownWords([part]), "\(line)")
    }
    // The VM itself, pointed at with "the … of", is still the VM.
    #expect(intents("stop the rest of the vms").map(\.kind) == [.stopVM])
  }

  @Test func aCountOfDisksIsThatManyDisks() {
    // "put three disks on batch": three attaches, never one disk for the count.
    let i = intents("put three disks on batch")
    #expect(i.map(\.kind) == [.attachDisk, .attachDisk, .attachDisk])
    #expect(i.allSatisfy { $0.parameters.vm == "batch" && $0.parameters.count == nil })
    let made = intents("make a vm called rho with two 32gb disks")
    #expect(made.map(\.kind) == [.provisionVM, .attachDisk, .attachDisk])
    #expect(made.dropFirst().allSatisfy { $0.parameters.vm == "rho" && $0.parameters.sizeGB == 32 })
  }
}

extension NeverDefaultedTests {
  /// "…and if I deallocate it instead": a hypothetical after a joining word is still one.
  @Test(arguments: [
    "and if I deallocate api", "but what if we stop api", "hm, then if I delete api",
  ])
  func aHypotheticalAfterAJoiningWordChangesNothing(_ line: String) {
    #expect(LocalIntentParser.asksRatherThanRequests(line))
    let read = intents(line)
    #expect(!read.isEmpty && read.allSatisfy { $0.parameters.hypothetical }, "\(parse(line))")
  }
}
