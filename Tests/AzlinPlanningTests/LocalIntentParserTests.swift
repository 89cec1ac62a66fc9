import AzlinAzure
import AzlinPlanning
import Testing

@Suite struct LocalIntentParserTests {
  static let live = LiveState(
    groups: [
      .init(name: "azlin-rg", location: "eastus"), .init(name: "test-rg", location: "westeurope"),
    ],
    vms: [
      .init(
        name: "sam", resourceGroup: "azlin-rg", location: "eastus", size: "Standard_B2s",
        powerState: "running", id: ""),
      .init(
        name: "web1", resourceGroup: "test-rg", location: "westeurope", size: "Standard_B2s",
        powerState: "running", id: ""),
      .init(
        name: "web2", resourceGroup: "test-rg", location: "westeurope", size: "Standard_B2s",
        powerState: "stopped", id: ""),
    ])

  func parse(_ line: String, context: ConversationContext = ConversationContext()) -> [Intent] {
    guard
      case .intents(let intents) = LocalIntentParser().parse(
        line, context: context, live: Self.live)
    else { return [] }
    return intents
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var line: String
    var kind: IntentKind
    var names: [String] = []
    var region: String? = nil
    var size: String? = nil
    var group: String? = nil
    var count: Int? = nil
    var testDescription: String { line }
  }

  @Test(arguments: [
    Case(line: "create a vm called sam2", kind: .provisionVM, names: ["sam2"]),
    Case(
      line: "create a vm called sam in westus2", kind: .provisionVM, names: ["sam"],
      region: "westus2"),
    Case(line: "spin up 3 vms in West Europe", kind: .provisionVM, region: "westeurope", count: 3),
    Case(
      line: "provision two D4s_v3 machines", kind: .provisionVM, size: "Standard_D4s_v3", count: 2),
    Case(
      line: "launch a d4s v3 named build01 in rg ci-rg", kind: .provisionVM, names: ["build01"],
      size: "Standard_D4s_v3", group: "ci-rg"),
    Case(
      line: "fire up a standard_b2s vm named box", kind: .provisionVM, names: ["box"],
      size: "Standard_B2s"),
    Case(line: "creat a vm called x1", kind: .provisionVM, names: ["x1"]),
    Case(line: "list vms", kind: .listVMs),
    Case(line: "which vms are running", kind: .listVMs),
    Case(line: "show me my machines in test-rg", kind: .listVMs, group: "test-rg"),
    Case(line: "delete vm sam", kind: .deleteVM, names: ["sam"]),
    Case(line: "get rid of web1", kind: .deleteVM, names: ["web1"]),
    Case(line: "tear down web2", kind: .deleteVM, names: ["web2"]),
    Case(line: "stop web1", kind: .stopVM, names: ["web1"]),
    Case(line: "shut down web1 and web2", kind: .stopVM, names: ["web1", "web2"]),
    Case(line: "stop wbe1", kind: .stopVM, names: ["web1"]),
    Case(line: "start web2", kind: .startVM, names: ["web2"]),
    Case(line: "restart sam", kind: .restartVM, names: ["sam"]),
    Case(line: "deallocate sam", kind: .deallocateVM, names: ["sam"]),
    Case(line: "resize sam to D4s_v3", kind: .resizeVM, names: ["sam"], size: "Standard_D4s_v3"),
    Case(
      line: "create rg demo in westeurope", kind: .createResourceGroup, names: ["demo"],
      region: "westeurope"),
    Case(
      line: "make a resource group called data-rg", kind: .createResourceGroup, names: ["data-rg"]),
    Case(line: "delete the group test-rg", kind: .deleteResourceGroup, names: ["test-rg"]),
    Case(line: "list resource groups", kind: .listResourceGroups),
    Case(
      line: "how much would 3 D4s_v3 cost in japaneast", kind: .costReport, region: "japaneast",
      size: "Standard_D4s_v3", count: 3),
  ])
  func understands(_ c: Case) throws {
    let intents = parse(c.line)
    let intent = try #require(intents.first, "no intent for \(c.line)")
    #expect(intent.kind == c.kind)
    #expect(intent.parameters.names == c.names)
    #expect(intent.parameters.region == c.region)
    #expect(intent.parameters.size == c.size)
    #expect(intent.parameters.resourceGroup == c.group)
    #expect(intent.parameters.count == c.count)
  }

  @Test func pronounsResolveFromContext() {
    var context = ConversationContext()
    context.vms = ["sam"]
    #expect(parse("stop it", context: context).first?.parameters.names == ["sam"])
    #expect(parse("make it a D4s_v3", context: context).first?.kind == .resizeVM)
    context.vms = ["web1", "web2"]
    #expect(parse("start them", context: context).first?.parameters.names == ["web1", "web2"])
  }

  @Test func multiStepLinesSplitIntoIntents() {
    let intents = parse("create rg demo in westeurope then create a vm called app1")
    #expect(intents.map(\.kind) == [.createResourceGroup, .provisionVM])
    #expect(intents.last?.parameters.resourceGroup == "demo")
  }

  @Test func quotedNamesStayWhole() {
    #expect(parse("create a vm called \"my vm!\"").first?.parameters.names == ["my vm!"])
  }

  @Test(arguments: ["", "hello there", "blorp the frobnicator"])
  func nonsenseIsNotUnderstood(_ line: String) {
    #expect(
      LocalIntentParser().parse(line, context: ConversationContext(), live: Self.live)
        == .notUnderstood(.noOperation))
  }

  @Test func wordsNotUnderstoodAreNamed() {
    #expect(
      LocalIntentParser().parse(
        "make me a sandwich", context: ConversationContext(), live: Self.live)
        == .notUnderstood(.unknownWords(["sandwich"])))
  }

  @Test(arguments: [
    ("create a key vault", "key vaults"), ("set up an aks cluster", "Kubernetes clusters"),
    ("create a blob container", "blob containers"),
    ("put a load balancer in front of sam", "load balancers"),
  ])
  func servicesAzlinDoesNotManageAreNamed(_ line: String, _ what: String) {
    #expect(
      LocalIntentParser().parse(line, context: ConversationContext(), live: Self.live)
        == .notUnderstood(.unsupported(what)))
  }

  @Test func aDiskForItGoesToTheVMOfTheConversation() throws {
    var context = ConversationContext()
    context.vms = ["sam"]
    let intent = try #require(parse("and a 64 GB disk for it", context: context).first)
    #expect(intent.kind == .attachDisk)
    #expect(intent.parameters.vm == "sam")
    #expect(intent.parameters.sizeGB == 64)
    let premium = try #require(parse("give sam a 128 GB premium disk").first)
    #expect(premium.parameters.sku == "Premium_LRS")
    #expect(premium.parameters.vm == "sam")
  }
}

extension LocalIntentParserTests {
  /// Slips in the grammar's own words are mended; a word where a name may stand is not.
  @Test(arguments: [
    Case(line: "stopp all teh vms in test-rg", kind: .stopVM, group: "test-rg"),
    Case(
      line: "make a storge acount called mypics2024", kind: .createStorage, names: ["mypics2024"]),
    Case(
      line: "craete resouce group stuff in eastsu", kind: .createResourceGroup, names: ["stuff"],
      region: "eastus"),
    Case(line: "delete vm ghost", kind: .deleteVM, names: ["ghost"]),
    Case(line: "create a vm called storge", kind: .provisionVM, names: ["storge"]),
  ])
  func typosOfTheGrammarsWordsAreMended(_ c: Case) {
    let intent = parse(c.line).first
    #expect(intent?.kind == c.kind)
    if !c.names.isEmpty { #expect(intent?.parameters.names == c.names) }
    if let g = c.group { #expect(intent?.parameters.resourceGroup == g) }
    if let r = c.region { #expect(intent?.parameters.region == r) }
  }

  @Test(arguments: [
    ("create a vm called web8 with password Hunter2!", ParseProblem.secretInLine),
    ("create a storage account and here's my key: 8f3e9a-sk-live-77x", .secretInLine),
    ("deallocate sam or delete it", .alternatives(["deallocate", "delete"])),
    ("should I deallocate sam or delete it", .question),
    ("make 1e6 vms", .badCount("1e6")),
  ])
  func refusedBeforeAnyPlan(_ line: String, _ problem: ParseProblem) {
    #expect(
      LocalIntentParser().parse(line, context: ConversationContext(), live: Self.live)
        == .notUnderstood(problem))
  }
}

extension LocalIntentParserTests {
  /// "the first one" when the conversation has met a single VM and more exist: asked.
  @Test func anOrdinalOfOneVMMetIsAsked() {
    var context = ConversationContext()
    context.meet(["web2"])
    #expect(
      LocalIntentParser().parse("stop the first one", context: context, live: Self.live)
        == .notUnderstood(.unresolvedReference("the first one")))
  }

  /// "make this machine smaller, like a D2s v3": the VM pointed at is resized, none is made.
  @Test func aVMPointedAtIsResized() {
    var context = ConversationContext()
    context.vms = ["web1"]
    let intent = parse("make this machine smaller please, like a D2s v3", context: context).first
    #expect(intent?.kind == .resizeVM)
  }

  /// "restart sam" — "now web1 and web2 as well": a verbless line after a word of sequence is
  /// the same request on the VMs it points at; asked as a question, it changes nothing.
  @Test func aWordOfSequenceRepeatsTheLastRequest() {
    var context = ConversationContext()
    context.vms = ["sam"]
    context.lastKind = .restartVM
    let again = parse("now web1 and web2 as well", context: context)
    #expect(again.map(\.kind) == [.restartVM])
    #expect(again.first?.parameters.names == ["web1", "web2"])
    let asked = parse("now is web1 running", context: context)
    #expect(!asked.contains { $0.kind == .restartVM })
  }

  /// "show sams status": a possessive typed without its apostrophe is the VM's; a stem that
  /// is no VM is never made one.
  @Test func aPossessiveWithoutItsApostropheIsTheVMs() {
    for line in ["show sams status please", "and web2s region?"] {
      let read = parse(line)
      #expect(read.map(\.kind) == [.showVM], "\(line)")
      #expect(read.first?.parameters.names.count == 1, "\(line)")
    }
    #expect(!parse("what is toms ip").contains { $0.parameters.names == ["tom"] })
  }

  /// "so web1, is it up?" after a start of sam: the question is about the VM named ahead of it
  /// — nothing is started, and "it" is web1, not sam.
  @Test func aVMNamedAheadOfAQuestionIsWhatItAsksAbout() {
    var context = ConversationContext()
    context.vms = ["sam"]
    context.lastKind = .startVM
    let read = parse("so web1, is it up?", context: context)
    #expect(read.map(\.kind) == [.showVM])
    #expect(read.first?.parameters.names == ["web1"])
    let both = parse("web1 and web2, what size are they", context: context)
    #expect(!both.isEmpty && both.allSatisfy { $0.kind.isReadOnly })
    #expect(!both.flatMap(\.parameters.names).contains("sam"))
  }
}
