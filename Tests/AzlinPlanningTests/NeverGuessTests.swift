import AzlinAzure
import AzlinCore
import AzlinPlanning
import Testing

/// Lines a reader could misread into a plan: each general rule turns the misreading into the
/// meaning English gives, or into a question — never into a name, a count or an action.
@Suite struct NeverGuessTests {
  static func vm(_ name: String, id: String = "") -> LiveState.VM {
    .init(
      name: name, resourceGroup: "lab", location: "eastus", size: "Standard_B2s",
      powerState: "running", id: id)
  }

  static let live = LiveState(
    groups: [.init(name: "lab", location: "eastus"), .init(name: "ops", location: "westus")],
    vms: [vm("fox"), vm("elk"), vm("yak")],
    storageAccounts: [
      .init(name: "blobsink7", resourceGroup: "lab", location: "eastus", sku: "Standard_LRS")
    ])

  func parse(_ line: String, context: ConversationContext = ConversationContext()) -> ParseResult {
    LocalIntentParser().parse(line, context: context, live: Self.live)
  }

  func intents(_ line: String, context: ConversationContext = ConversationContext()) -> [Intent] {
    guard case .intents(let found) = parse(line, context: context) else { return [] }
    return found
  }

  func asks(_ line: String, context: ConversationContext = ConversationContext()) -> Bool {
    if case .notUnderstood = parse(line, context: context) { return true }
    return false
  }

  /// A conversation whose last turn was `intent`.
  static func after(_ kind: IntentKind, _ fill: (inout IntentParameters) -> Void = { _ in })
    -> ConversationContext
  {
    var c = ConversationContext()
    var i = Intent(kind: kind)
    fill(&i.parameters)
    c.remember(i)
    return c
  }

  @Test func aChangeSaidWithARisingQuestionMarkIsOnlyPreviewed() {
    let resize = intents("upgrade elk to a d4s v3?")
    #expect(resize.map(\.kind) == [.resizeVM])
    #expect(resize.allSatisfy { $0.parameters.hypothetical })
    // Asking someone to act is still a request.
    #expect(intents("could you restart yak?").allSatisfy { !$0.parameters.hypothetical })
    #expect(intents("restart yak").allSatisfy { !$0.parameters.hypothetical })
  }

  @Test func aFormOfToBeBeforeOffDescribesAStateNeverAnOrder() {
    let c = Self.after(.showVM) { $0.names = ["fox"] }
    #expect(intents("hmm it's down. boot it", context: c).map(\.kind) == [.startVM])
    #expect(intents("fox is off. boot it").map(\.kind) == [.startVM])
    // The terse order stays an order.
    #expect(intents("fox off").map(\.kind) == [.stopVM])
  }

  @Test func aRegionAfterACommaIsTheRegionNeverASecondName() {
    let i = intents("please build a machine, call it heron, westeurope")
    #expect(i.first?.kind == .provisionVM)
    #expect(i.first?.parameters.names == ["heron"])
    #expect(i.first?.parameters.region == "westeurope")
    // Two names that are not regions stay two names.
    #expect(intents("create vms named kite and wren").first?.parameters.names == ["kite", "wren"])
  }

  @Test func severalOrdinalsKeepEveryOneTheyReferTo() {
    var c = ConversationContext()
    var listed = Intent(kind: .listVMs)
    listed.parameters.names = ["fox", "elk", "yak"]
    c.remember(listed)
    c.ordered = ["fox", "elk", "yak"]
    let i = intents("restart the second and the third", context: c)
    #expect(i.first?.kind == .restartVM)
    #expect(i.first?.parameters.names == ["elk", "yak"])
    #expect(intents("restart the second", context: c).first?.parameters.names == ["elk"])
  }

  @Test func aPluralForOneVMMetWhileSeveralExistIsAsked() {
    let c = Self.after(.startVM) { $0.names = ["fox"] }
    #expect(asks("deallocate those", context: c))
    // "it" is the one VM; a plural for the VMs met is them.
    #expect(intents("deallocate it", context: c).first?.parameters.names == ["fox"])
    let two = Self.after(.startVM) { $0.names = ["fox", "elk"] }
    #expect(intents("deallocate them", context: two).first?.parameters.names == ["fox", "elk"])
  }

  @Test func oneValuePerTagKeyEachTargetItsOwn() {
    let i = intents("tag fox team=red and elk team=blue")
    #expect(i.map(\.kind) == [.setTag, .setTag])
    #expect(i.map(\.parameters.names) == [["fox"], ["elk"]])
    #expect(i.map { $0.parameters.tags["team"] } == ["red", "blue"])
    // Two values for one key with no way to tell which target has which: asked.
    #expect(asks("tag fox team=red team=blue"))
  }

  @Test func aTagPointedAtAStorageAccountOrGroupGoesThereOrIsAsked() {
    let stored = Self.after(.createStorage) { $0.names = ["blobsink7"] }
    #expect(
      intents("label this storage account tier=hot", context: stored).first?.parameters.names
        == ["blobsink7"])
    let grouped = Self.after(.createResourceGroup) { $0.names = ["ops"] }
    #expect(intents("tag that rg cost=42", context: grouped).first?.parameters.names == ["ops"])
    // Pointed at a group the conversation never named: asked, never a VM.
    #expect(asks("tag the rg cost=42"))
  }

  @Test func closingAPortWhileSayingWhatStaysOnlyClosesThePort() {
    let c = Self.after(.listPorts) { $0.names = ["fox"] }
    let i = intents("close 22 on fox, http only", context: c)
    #expect(i.map(\.kind) == [.closePort])
    #expect(i.map(\.parameters.ports) == ["22"])
    #expect(intents("close 22 and 80 on fox").count == 2)
  }

  @Test func removingItFromAVMIsTheFeatureJustDiscussedNeverADeletion() {
    let c = Self.after(.setAutoShutdown) {
      $0.names = ["fox", "elk", "yak"]
      $0.time = "19:00"
    }
    let i = intents("not yak though, take it off yak", context: c)
    #expect(i.map(\.kind) == [.clearAutoShutdown])
    #expect(i.first?.parameters.names == ["yak"])
    // With no feature just discussed the "it" is not known: asked, nothing deleted.
    #expect(asks("remove it from yak", context: Self.after(.listVMs)))
  }

  @Test func aPlaceSaidOnlyByPositionIsAsked() {
    #expect(asks("now make a vm called moth in the second"))
    #expect(asks("put a vm called moth in the last one"))
    #expect(intents("make a vm called moth in ops").first?.parameters.resourceGroup == "ops")
  }

  @Test func aThereWithNoPlaceKnownIsAsked() {
    #expect(asks("fine, build one named finch there"))
    let c = Self.after(.costReport) { $0.region = "westus2" }
    let i = intents("fine, build one named finch there", context: c)
    #expect(i.first?.parameters.region == "westus2")
    // "is there" asks whether, it points at no place.
    #expect(!asks("create a vm called finch, is there a default?"))
  }

  @Test func chatShortFormsReadAsTheWordsTheyStandFor() {
    #expect(intents("could u create a vm called finch").first?.parameters.names == ["finch"])
    let c = Self.after(.startVM) { $0.names = ["fox", "elk"] }
    #expect(intents("restart em", context: c).first?.parameters.names == ["fox", "elk"])
  }

  @Test func aNegatedClauseAfterACommaRefusesOnlyWhatItNames() {
    let i = intents("deallocate yak, don't delete the disk")
    #expect(i.map(\.kind) == [.deallocateVM])
    #expect(i.first?.parameters.names == ["yak"])
    let all = intents("restart every vm and never stop elk")
    #expect(all.first?.parameters.excluded == ["elk"])
    // Asked for and refused at once: nothing is guessed.
    #expect(asks("restart elk, don't restart elk"))
  }

  @Test func theOtherOnePointsAtOneThatExistsNeverANewOne() {
    let c = Self.after(.deleteStorage) { $0.names = ["blobsink6"] }
    let i = intents("now the other one", context: c)
    #expect(i.map(\.kind) == [.deleteStorage])
    #expect(i.first?.parameters.names == ["blobsink7"])
    #expect(asks("build the other one", context: Self.after(.listVMs)))
  }

  @Test func aNumberAfterTheNameIsADetailNeverASecondName() {
    let i = intents("set up a machine, name it kiln, 4 vcpus and 16 gb of memory")
    #expect(i.first?.kind == .provisionVM)
    #expect(i.first?.parameters.names == ["kiln"])
  }

  @Test func wordsForWhatAMachineIsForAreNeitherNamesNorUnknown() {
    let i = intents("make me a personal dev machine called wren")
    #expect(i.map(\.kind) == [.provisionVM])
    #expect(i.first?.parameters.names == ["wren"])
  }

  @Test func aTimeAloneAfterTalkOfAutoShutdownIsTheScheduleNewTime() {
    let c = Self.after(.showAutoShutdown) { $0.names = ["elk"] }
    let i = intents("alright, 9:15pm then", context: c)
    #expect(i.map(\.kind) == [.setAutoShutdown])
    #expect(i.first?.parameters.names == ["elk"])
    #expect(i.first?.parameters.time == "21:15")
    // The same words after talk of something else are not a schedule.
    #expect(intents("alright, 9:15pm then", context: Self.after(.listVMs)).isEmpty)
  }

  @Test func theSpeakerAfterAConnectVerbIsNotTheVM() {
    #expect(intents("please connect me to fox").first?.parameters.names == ["fox"])
    let c = Self.after(.showVM) { $0.names = ["elk"] }
    #expect(intents("ssh me into it", context: c).first?.parameters.names == ["elk"])
  }

  @Test func aLineWithDetailsOfItsOwnIsNotAChoiceAmongOptions() {
    #expect(
      LocalIntentParser.carriesOwnDetails("elk takes 3306 from 10.1.0.0/16", options: ["fox"]))
    #expect(LocalIntentParser.carriesOwnDetails("fox env=dev", options: ["fox"]))
    #expect(!LocalIntentParser.carriesOwnDetails("the 2nd one", options: ["fox", "elk"]))
    #expect(!LocalIntentParser.carriesOwnDetails("web2 please", options: ["web2", "web3"]))
  }
}

/// The planner asks for what a disk request leaves out, never picks or assumes it.
@Suite struct DiskNeverGuessTests {
  static let vmID =
    "/subscriptions/0/resourceGroups/lab/providers/Microsoft.Compute/virtualMachines/pg"

  static func live(disks: [String]) -> LiveState {
    LiveState(
      groups: [.init(name: "lab", location: "eastus")],
      vms: [
        .init(
          name: "pg", resourceGroup: "lab", location: "eastus", size: "Standard_B2s",
          powerState: "running", id: vmID)
      ],
      disks: disks.map {
        .init(name: $0, resourceGroup: "lab", sizeGB: 64, sku: "Premium_LRS", managedBy: vmID)
      })
  }

  static func outcome(
    _ kind: IntentKind, _ live: LiveState, _ fill: (inout IntentParameters) -> Void
  )
    -> PlanningOutcome
  {
    var i = Intent(kind: kind)
    fill(&i.parameters)
    return CommandPlanner(defaults: AzlinConfig.Defaults()).plan(
      [i], live: live, context: ConversationContext())
  }

  @Test func detachingTheDiskOfAVMWithSeveralAsksWhichOne() {
    let several = Self.outcome(.detachDisk, Self.live(disks: ["logs", "data"])) { $0.vm = "pg" }
    guard case .question(let q) = several else {
      Issue.record("expected a question, got \(several)")
      return
    }
    #expect(q.kind == .whichVM(options: ["logs", "data"]))
    let one = Self.outcome(.detachDisk, Self.live(disks: ["logs"])) { $0.vm = "pg" }
    guard case .plan(let plan) = one else {
      Issue.record("expected a plan, got \(one)")
      return
    }
    #expect(plan.steps.map(\.resource.name) == ["logs"])
    // Both named: both detached.
    let both = Self.outcome(.detachDisk, Self.live(disks: ["logs", "data"])) {
      $0.names = ["logs", "data"]
    }
    guard case .plan(let twoSteps) = both else {
      Issue.record("expected a plan, got \(both)")
      return
    }
    #expect(twoSteps.steps.map(\.resource.name) == ["logs", "data"])
  }

  @Test func aNewDiskWithNoSizeIsAskedForItsSize() {
    let unsized = Self.outcome(.attachDisk, Self.live(disks: [])) { $0.vm = "pg" }
    #expect(unsized == .refused(.nothingNamed("disk size")))
    let sized = Self.outcome(.attachDisk, Self.live(disks: [])) {
      $0.vm = "pg"
      $0.sizeGB = 32
    }
    guard case .plan = sized else {
      Issue.record("expected a plan, got \(sized)")
      return
    }
  }
}
