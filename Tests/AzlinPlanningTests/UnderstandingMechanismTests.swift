import AzlinAzure
import AzlinPlanning
import Testing

/// The parser's general mechanisms for what people type that the grammar's phrases miss: sizes
/// weighed earlier, names that are also words, terse forms, appositive names, price questions
/// about what the conversation made, several groups at once.
@Suite struct UnderstandingMechanismTests {
  static func vm(_ name: String, _ group: String, size: String = "Standard_B2s") -> LiveState.VM {
    .init(
      name: name, resourceGroup: group, location: "eastus", size: size, powerState: "running",
      id: "")
  }

  static let live = LiveState(
    groups: [
      .init(name: "cs101", location: "eastus"), .init(name: "lab-rg", location: "eastus"),
      .init(name: "dev", location: "eastus"), .init(name: "qa", location: "eastus"),
      .init(name: "prod", location: "eastus"),
    ],
    vms: [
      vm("cheap", "cs101"), vm("web4", "cs101"), vm("web5", "cs101"), vm("dev1", "dev"),
      vm("dev2", "dev"), vm("qa1", "qa"), vm("p1", "prod"), vm("l1", "lab-rg"),
    ])

  func parse(_ line: String, context: ConversationContext = ConversationContext()) -> [Intent] {
    guard
      case .intents(let intents) = LocalIntentParser().parse(
        line, context: context, live: Self.live)
    else { return [] }
    return intents
  }

  func refused(_ line: String, context: ConversationContext = ConversationContext()) -> Bool {
    if case .notUnderstood = LocalIntentParser().parse(line, context: context, live: Self.live) {
      return true
    }
    return false
  }

  /// A context that priced a size ("how much is a D8s v3 in westus2").
  static var priced: ConversationContext {
    var c = ConversationContext()
    var i = Intent(kind: .costReport)
    i.parameters.size = "Standard_D8s_v3"
    i.parameters.region = "westus2"
    c.remember(i)
    return c
  }

  @Test func aCreateNamingNoSizeTakesTheSizeJustPriced() {
    let i = parse("could you create one called heavy there", context: Self.priced)
    #expect(i.map(\.kind) == [.provisionVM])
    #expect(i.first?.parameters.size == "Standard_D8s_v3")
    #expect(i.first?.parameters.region == "westus2")
    // A size said on the line wins; a turn about something else forgets the price.
    #expect(
      parse("create one called heavy, a B2s", context: Self.priced).first?.parameters.size
        == "Standard_B2s")
    var later = Self.priced
    later.remember(Intent(kind: .listVMs))
    #expect(parse("create one called heavy", context: later).first?.parameters.size == nil)
  }

  @Test func aPreviewedCreateWithADiskEachGivesEachNamedVMItsDisk() {
    var c = ConversationContext()
    var preview = Intent(kind: .provisionVM)
    preview.parameters.count = 2
    preview.parameters.size = "Standard_D4s_v3"
    preview.parameters.sizeGB = 128
    preview.parameters.hypothetical = true
    c.remember(weighed: preview)
    let i = parse("ok create them, named p1 and p2", context: c)
    #expect(i.map(\.kind) == [.provisionVM, .attachDisk, .attachDisk])
    #expect(i.dropFirst().compactMap(\.parameters.vm) == ["p1", "p2"])
    #expect(i.first?.parameters.size == "Standard_D4s_v3")
  }

  @Test func aSizeChosenInARemarkIsTheSizeOfTheCreate() {
    let i = parse("go with the b4ms ones. name them hack1, hack2, hack3", context: Self.priced)
    #expect(i.first?.parameters.size == "Standard_B4ms")
  }

  @Test(arguments: [
    ("is cheap still running?", IntentKind.showVM),
    ("make cheap a B1s", IntentKind.resizeVM),
  ])
  func aLiveVMNamedLikeAWordIsThatVM(_ line: String, _ kind: IntentKind) {
    let i = parse(line)
    #expect(i.map(\.kind) == [kind])
    #expect(i.first?.parameters.names == ["cheap"])
  }

  @Test func namesAfterTheFirstStayWhenTheFirstIsAWord() {
    #expect(parse("stop web4 and web5").first?.parameters.names == ["web4", "web5"])
  }

  @Test(arguments: [
    ("vm new box1 westus3 b2ms", IntentKind.provisionVM, ["box1"]),
    ("vm new s1 s2 s3 in cs101", IntentKind.provisionVM, ["s1", "s2", "s3"]),
    ("vm stop x", IntentKind.stopVM, ["x"]),
    ("sa rm stlogs01", IntentKind.deleteStorage, ["stlogs01"]),
  ])
  func terseFormsNameWhatFollows(_ line: String, _ kind: IntentKind, _ names: [String]) {
    let i = parse(line)
    #expect(i.map(\.kind) == [kind])
    #expect(i.first?.parameters.names == names)
  }

  @Test func aCountWrittenAsTimesIsACount() {
    let i = parse("3x b1s in eastus")
    #expect(i.first?.parameters.count == 3)
    #expect(i.first?.parameters.size == "Standard_B1s")
  }

  @Test func aSizeTypedWithASpaceInsideIsThatSize() {
    #expect(parse("resize cheap to d4 s v3").first?.parameters.size == "Standard_D4s_v3")
  }

  @Test func namesListedAfterAColonAreTheNames() {
    var c = ConversationContext()
    c.resourceGroup = "cs101"
    let i = parse("put three vms in it for my team: alice, bob and carol", context: c)
    #expect(i.first?.parameters.names == ["alice", "bob", "carol"])
    #expect(i.first?.parameters.count == nil)
    // A count that does not match the list is not guessed between.
    #expect(
      parse("put two vms in it for my team: alice, bob and carol", context: c).first?
        .parameters.names != ["alice", "bob", "carol"])
  }

  @Test func aNameSetOffByACommaAtTheEndIsTheName() {
    var c = ConversationContext()
    c.remember(Intent(kind: .createStorage))
    let i = parse("ok, another storage account then, curatedevents", context: c)
    #expect(i.map(\.kind) == [.createStorage])
    #expect(i.first?.parameters.names == ["curatedevents"])
  }

  @Test func aLoneUnknownWordAfterACommaIsAskedAboutNotDropped() {
    #expect(refused("stop web4, blorptastic"))
  }

  @Test func thePriceOfWhatTheConversationMade() {
    var c = ConversationContext()
    c.vms = ["web4", "web5"]
    c.meet(["web4", "web5"])
    #expect(
      parse("how much is that per month", context: c).first?.parameters.names
        == ["web4", "web5"])
    #expect(
      parse("what does the lab cost me a month", context: c).first?.parameters
        .resourceGroup == "lab-rg")
    var one = ConversationContext()
    one.vms = ["web5"]
    one.meet(["web4", "web5"])
    #expect(
      parse("what are the two of them costing me", context: one).first?.parameters.names
        == ["web4", "web5"])
  }

  @Test func aRelativeSizeAloneIsForTheVMJustTalkedAbout() {
    var c = ConversationContext()
    c.vms = ["cheap"]
    c.lastKind = .resizeVM
    let i = parse("bigger", context: c)
    #expect(i.map(\.kind) == [.resizeVM])
    #expect(i.first?.parameters.names == ["cheap"])
  }

  @Test func theDefaultGroupIsTheDefault() {
    let i = parse("and a vm called tools in the default group")
    #expect(i.map(\.kind) == [.provisionVM])
    #expect(i.first?.parameters.names == ["tools"])
    #expect(i.first?.parameters.resourceGroup == nil)
    // The configured default, never the group the conversation is in.
    var c = ConversationContext()
    c.resourceGroup = "cs101"
    guard
      case .intents(let d) = LocalIntentParser(defaultGroup: "azlin-rg").parse(
        "and a vm called tools in the default group", context: c, live: Self.live)
    else {
      Issue.record("not understood")
      return
    }
    #expect(d.first?.parameters.resourceGroup == "azlin-rg")
  }

  @Test func aLiveGroupWithAPowerVerbIsEveryVMInIt() {
    let i = parse("monday! start cs101 back up")
    #expect(i.map(\.kind) == [.startVM])
    #expect(i.first?.parameters.resourceGroup == "cs101")
    #expect(i.first?.parameters.all == true)
    #expect(parse("just deallocate the vms in lab-rg then").first?.parameters.all == true)
  }

  @Test func aSlipInASizeNameIsMendedAndSaid() {
    let i = parse("create vm t1 size Standrd_D2s_v3")
    #expect(i.first?.parameters.size == "Standard_D2s_v3")
    #expect(i.first?.parameters.corrections == ["Standrd_D2s_v3"])
    #expect((i.first?.confidence ?? 1) < 0.7)
  }
}

extension UnderstandingMechanismTests {
  @Test func aCorrectionInItsOwnSentenceLeavesTheRequestThatFollows() {
    let live = LiveState(
      groups: [.init(name: "mixed", location: "eastus")],
      vms: [Self.vm("cat", "mixed"), Self.vm("dog", "mixed")])
    var c = ConversationContext()
    var stop = Intent(kind: .stopVM)
    stop.parameters.names = ["cat"]
    c.remember(stop)
    guard
      case .success(let r) = LocalIntentParser().revision(
        "dog. start cat back up and stop dog", context: c, live: live)
    else {
      Issue.record("not read")
      return
    }
    #expect(r.replacement?.map(\.kind) == [.startVM, .stopVM])
    #expect(r.replacement?.map(\.parameters.names) == [["cat"], ["dog"]])
  }
}

extension UnderstandingMechanismTests {
  @Test func wordsJoinedAgainKeepTheirSentenceEnds() {
    let words = LocalIntentParser.tokens(of: "dog. start cat")
    #expect(words == ["dog", ".", "start", "cat"])
    #expect(LocalIntentParser.tokens(of: words.joined(separator: " ")) == words)
  }
}

extension UnderstandingMechanismTests {
  static let fleet = LiveState(
    groups: [.init(name: "ml", location: "eastus")],
    vms: [
      vm("jupyter", "ml", size: "Standard_B2s"), vm("gpu-a", "ml", size: "Standard_NC6s_v3"),
      vm("gpu-b", "ml", size: "Standard_D8s_v3"), vm("tiny", "ml", size: "Standard_B1s"),
    ],
    storageAccounts: [
      .init(name: "rawevents2024", resourceGroup: "ml", location: "eastus", sku: "Standard_LRS"),
      .init(name: "curated01", resourceGroup: "ml", location: "eastus", sku: "Standard_LRS"),
    ])

  func parseFleet(_ line: String) -> ParseResult {
    LocalIntentParser().parse(line, context: ConversationContext(), live: Self.fleet)
  }

  @Test(arguments: [
    ("start the gpu ones", IntentKind.startVM, ["gpu-a", "gpu-b"]),
    ("delete the raw one", IntentKind.deleteStorage, ["rawevents2024"]),
    ("stop the biggest one", IntentKind.stopVM, ["gpu-b"]),
    ("deallocate the smallest one", IntentKind.deallocateVM, ["tiny"]),
    ("delete the most expensive one", IntentKind.deleteVM, ["gpu-a"]),
  ])
  func aDescriptionPicksWhatExists(_ line: String, _ kind: IntentKind, _ names: [String]) {
    guard case .intents(let i) = parseFleet(line) else {
      Issue.record("not understood")
      return
    }
    #expect(i.map(\.kind) == [kind])
    #expect(i.first?.parameters.names == names)
    #expect(i.first?.parameters.sizeChange == nil)
  }

  @Test func aSingularDescriptionThatFitsSeveralIsAsked() {
    #expect(parseFleet("stop the gpu one") == .notUnderstood(.unresolvedReference("the gpu one")))
  }
}

extension UnderstandingMechanismTests {
  @Test func aVerbWhoseObjectIsNothingAsksForNothing() {
    let i = parse("stop web4, start nothing else")
    #expect(i.map(\.kind) == [.stopVM])
    #expect(i.first?.parameters.names == ["web4"])
  }
}

extension UnderstandingMechanismTests {
  @Test(arguments: [
    "which region is cheapest for a D4s v5?", "is uksouth cheaper than westeurope for a D4s v5?",
  ])
  func aComparisonOfPricesIsAPriceQuestion(_ line: String) {
    let i = parse(line)
    #expect(i.map(\.kind) == [.costReport])
    #expect(i.first?.parameters.size == "Standard_D4s_v5")
  }
}

extension UnderstandingMechanismTests {
  static let world = LiveState(
    groups: [.init(name: "geo", location: "eastus")],
    vms: [
      .init(
        name: "eu1", resourceGroup: "geo", location: "westeurope", size: "Standard_B2s",
        powerState: "running", id: ""),
      .init(
        name: "eu2", resourceGroup: "geo", location: "uksouth", size: "Standard_B2s",
        powerState: "running", id: ""),
      .init(
        name: "us1", resourceGroup: "geo", location: "westus2", size: "Standard_B2s",
        powerState: "running", id: ""),
      .init(
        name: "sg1", resourceGroup: "geo", location: "southeastasia", size: "Standard_B2s",
        powerState: "running", id: ""),
    ])

  @Test(arguments: [
    ("stop the ones in europe", ["eu1", "eu2"]), ("deallocate the american one", ["us1"]),
    ("delete the asian one", ["sg1"]), ("stop the one on the west coast", ["us1"]),
  ])
  func aPlaceDescribesTheVMsThatRunThere(_ line: String, _ names: [String]) {
    guard
      case .intents(let i) = LocalIntentParser().parse(
        line, context: ConversationContext(), live: Self.world)
    else {
      Issue.record("not understood")
      return
    }
    #expect(i.first?.parameters.names == names)
  }

  @Test func aPlaceThatFitsSeveralForOneIsAsked() {
    let r = LocalIntentParser().parse(
      "stop the european one", context: ConversationContext(), live: Self.world)
    #expect(r == .notUnderstood(.unresolvedReference("the european one")))
  }
}

extension UnderstandingMechanismTests {
  @Test func aSentenceThatTakesTheOneBeforeBackRevisesIt() {
    var c = ConversationContext()
    c.vms = ["web4"]
    let i = parse("stop it. no, deallocate it", context: c)
    #expect(i.map(\.kind) == [.deallocateVM])
    #expect(i.first?.parameters.names == ["web4"])
  }

  @Test func aBareWordAfterAnInlineCorrectionIsTheNameMeant() {
    let i = parse("create a vm named api, I mean api2, in eastus2")
    #expect(i.map(\.kind) == [.provisionVM])
    #expect(i.first?.parameters.names == ["api2"])
    #expect(i.first?.parameters.region == "eastus2")
  }

  @Test func aSizeWithARelativeWordAloneIsForTheVMJustTalkedAbout() {
    var c = ConversationContext()
    c.vms = ["cheap"]
    let i = parse("even bigger, D16s v3", context: c)
    #expect(i.map(\.kind) == [.resizeVM])
    #expect(i.first?.parameters.size == "Standard_D16s_v3")
  }
}
