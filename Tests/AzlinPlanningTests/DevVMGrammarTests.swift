import AzlinAzure
import AzlinCore
import Testing

@testable import AzlinPlanning

/// Connecting, running a command in a VM, and choosing an image by words: what the local
/// grammar reads, and what the planner makes of it on live state.
@Suite struct DevVMGrammarTests {
  static let live = LiveState(
    groups: [.init(name: "azlin-rg", location: "eastus")],
    vms: [
      .init(
        name: "sam", resourceGroup: "azlin-rg", location: "eastus", size: "Standard_B2s",
        powerState: "running", id: ""),
      .init(
        name: "bob", resourceGroup: "azlin-rg", location: "eastus", size: "Standard_B2s",
        powerState: "deallocated", id: ""),
    ])

  func parse(_ line: String, context: ConversationContext = ConversationContext()) -> ParseResult {
    LocalIntentParser().parse(line, context: context, live: Self.live)
  }

  func intent(_ line: String, context: ConversationContext = ConversationContext()) -> Intent? {
    guard case .intents(let intents) = parse(line, context: context), intents.count == 1 else {
      return nil
    }
    return intents[0]
  }

  static var aboutSam: ConversationContext {
    var c = ConversationContext()
    c.remember(
      Intent(
        kind: .showVM,
        parameters: {
          var p = IntentParameters()
          p.names = ["sam"]
          return p
        }()))
    return c
  }

  // MARK: Connecting

  @Test(arguments: [
    "how do I connect to sam", "ssh into sam", "ssh sam", "connect to sam", "log in to sam",
    "login to the vm sam", "can you ssh into sam?", "what's the ssh command for sam",
    "please connect to SAM",
  ])
  func connectLines(_ line: String) throws {
    let i = try #require(intent(line), "\(parse(line))")
    #expect(i.kind == .connectVM)
    #expect(i.parameters.names == ["sam"])
    #expect(i.kind.isReadOnly)
  }

  @Test func connectToItUsesTheConversation() throws {
    let i = try #require(intent("how do I ssh into it", context: Self.aboutSam))
    #expect(i.kind == .connectVM)
    #expect(i.parameters.names == ["sam"])
    #expect(parse("ssh into it") == .notUnderstood(.unresolvedReference("it")))
  }

  @Test func connectingIsNotAVerbOfOtherLines() {
    // Not the connect grammar: these go to the clause grammar, which acts on none of them.
    for line in ["connect the storage account to sam", "ssh keys are fine"] {
      if case .intents(let intents) = parse(line) {
        #expect(!intents.contains { $0.kind == .connectVM }, "\(line)")
      }
    }
  }

  @Test func connectPlansAReportOrAsksWhich() {
    let planner = CommandPlanner(defaults: AzlinConfig.Defaults())
    var named = Intent(kind: .connectVM)
    named.parameters.names = ["sam"]
    #expect(
      planner.plan([named], live: Self.live, context: ConversationContext())
        == .report(.connect(Self.live.vms[0])))
    named.parameters.names = ["ghost"]
    #expect(
      planner.plan([named], live: Self.live, context: ConversationContext())
        == .refused(.vmNotFound("ghost", group: nil)))
    guard
      case .question(let q) = planner.plan(
        [Intent(kind: .connectVM)], live: Self.live, context: ConversationContext())
    else {
      Issue.record("no question")
      return
    }
    #expect(q.kind == .whichVM(options: ["sam", "bob"]))
  }

  // MARK: Running a command

  @Test(arguments: [
    ("run `df -h` on sam", "df -h"), ("run df -h on sam", "df -h"),
    ("execute 'uptime' on sam", "uptime"),
    ("run the command `ls -la /tmp` on the vm sam", "ls -la /tmp"),
    ("please run echo on on sam", "echo on"),
    ("run \"cat /etc/os-release\" on sam.", "cat /etc/os-release"),
  ])
  func runLines(_ line: String, _ script: String) throws {
    let i = try #require(intent(line), "\(parse(line))")
    #expect(i.kind == .runCommand)
    #expect(i.parameters.names == ["sam"])
    #expect(i.parameters.script == script)
    #expect(!i.parameters.hypothetical)
    #expect(!i.kind.isReadOnly)
  }

  @Test func runAskedAboutIsOnlyPreviewed() throws {
    #expect(try #require(intent("how do I run df -h on sam")).parameters.hypothetical)
    #expect(try #require(intent("run df -h on sam?")).parameters.hypothetical)
    #expect(
      try #require(intent("run df -h on it", context: Self.aboutSam)).parameters.names == ["sam"])
  }

  @Test func runNeedsAVMThatExistsUnlessQuoted() throws {
    // "run 3 vms in westus" is no command: the line goes on to the clause grammar.
    if case .intents(let intents) = parse("run 3 vms in westus") {
      #expect(!intents.contains { $0.kind == .runCommand })
    }
    let quoted = try #require(intent("run `uptime` on ghost"))
    #expect(quoted.parameters.names == ["ghost"])
    if case .intents(let intents) = parse("run -rf on sam") {
      #expect(!intents.contains { $0.kind == .runCommand })
    }
  }

  @Test func wordsNotMeantForTheVMAreNeverRun() {
    if case .intents(let intents) = parse("run the numbers on sam") {
      #expect(!intents.contains { $0.kind == .runCommand }, "\(intents)")
    }
    // The command, then the rest of the line.
    guard case .intents(let two) = parse("run df on sam then stop bob") else {
      Issue.record("\(parse("run df on sam then stop bob"))")
      return
    }
    #expect(two.map(\.kind) == [.runCommand, .stopVM])
    #expect(two.first?.parameters.script == "df")
    #expect(two.last?.parameters.names == ["bob"])
    #expect(
      parse("run df on sam, no wait, on bob")
        == .notUnderstood(.unclearCommand("df on sam, no wait,")))
  }

  @Test func runPlansOneIrreversibleStepOnARunningVM() throws {
    let planner = CommandPlanner(defaults: AzlinConfig.Defaults())
    let run = try #require(intent("run df -h on sam"))
    guard
      case .plan(let plan) = planner.plan([run], live: Self.live, context: ConversationContext())
    else {
      Issue.record("no plan")
      return
    }
    #expect(plan.steps.count == 1)
    let step = plan.steps[0]
    #expect(step.operation == .runCommand(script: "df -h"))
    #expect(step.action == .change)
    #expect(step.undo == nil)
    #expect(step.reversibility == .irreversible)
    #expect(
      step.command.arguments == [
        "vm", "run-command", "invoke", "--resource-group", "azlin-rg", "--name", "sam",
        "--command-id", "RunShellScript", "--scripts", "df -h",
      ])
    var onBob = run
    onBob.parameters.names = ["bob"]
    #expect(
      planner.plan([onBob], live: Self.live, context: ConversationContext())
        == .refused(.notRunning(vm: "bob", state: "deallocated")))
    // Read back for /resume, it is the same operation.
    let read = PlanStep(reading: step.azureOperation, number: 1, live: Self.live)
    #expect(read.operation == .runCommand(script: "df -h"))
  }

  // MARK: Images

  @Test(arguments: [
    ("create a debian 12 vm called d1", "Debian12"),
    ("create a vm called d1 with debian", "Debian12"),
    ("create a vm called d1 with ubuntu 24.04", "Ubuntu2404"),
    ("create a vm called d1 with ubuntu 24.04 lts", "Ubuntu2404"),
    ("create an ubuntu 22.04 vm called d1", "Ubuntu2204"),
    ("a flatcar vm called d1", "FlatcarLinuxFreeGen2"),
    ("create a vm called d1 using image Debian11", "Debian11"),
    (
      "create a vm called d1 with Canonical:ubuntu-24_04-lts:server:latest",
      "Canonical:ubuntu-24_04-lts:server:latest"
    ),
  ])
  func imagesByWords(_ line: String, _ image: String) throws {
    let i = try #require(intent(line), "\(parse(line))")
    #expect(i.kind == .provisionVM)
    #expect(i.parameters.image == image)
    #expect(i.parameters.names == ["d1"])
  }

  @Test func osAsAWordOfItsOwnIsNoImage() throws {
    let i = try #require(intent("i need a debian 12 vm for my OS class, name it oslab"))
    #expect(i.parameters.image == "Debian12")
    #expect(i.parameters.names == ["oslab"])
  }

  @Test(arguments: [
    ("create a rocky vm called r1", "rocky"), ("create a vm called r1 with debian 13", "debian 13"),
    ("create a fedora 40 vm", "fedora 40"), ("create a vm called r1 with image gentoo", "gentoo"),
    ("create a vm called r1 with image plan9", "plan9"), ("make an arch linux box", "arch linux"),
  ])
  func unknownImagesAreNamedNeverGuessed(_ line: String, _ typed: String) {
    #expect(parse(line) == .notUnderstood(.unknownImage(typed)))
  }

  @Test(arguments: [
    ("create a windows vm called w1", "windows"),
    ("new windows server 2022 vm named w1", "windows server 2022"),
    ("create a vm called w1 with image Win2019Datacenter", "Win2019Datacenter"),
  ])
  func windowsImagesAreRefused(_ line: String, _ typed: String) {
    #expect(parse(line) == .notUnderstood(.windowsImage(typed)))
  }

  @Test func windowsDescribesWhatIsNotCreated() {
    // "delete the windows one": a word that describes, not an image to refuse.
    if case .notUnderstood(let problem) = parse("delete the windows vm sam") {
      #expect(problem != .windowsImage("windows"))
    }
  }

  @Test func thePlannerRefusesWhatTheParserWouldNot() {
    // An LLM's reading, or `[defaults] image`, goes through the same check.
    let planner = CommandPlanner(defaults: AzlinConfig.Defaults())
    func provision(_ image: String) -> PlanningOutcome {
      var i = Intent(kind: .provisionVM)
      i.parameters.names = ["x1"]
      i.parameters.image = image
      return planner.plan([i], live: Self.live, context: ConversationContext())
    }
    #expect(provision("Win2022Datacenter") == .refused(.windowsImage("Win2022Datacenter")))
    #expect(provision("rocky") == .refused(.unknownImage("rocky")))
    guard case .plan(let plan) = provision("debian12") else {
      Issue.record("no plan")
      return
    }
    #expect(plan.steps.last?.command.value(of: "--image") == "Debian12")
  }

  @Test func everyAliasTheGrammarNamesIsOneAzKnows() {
    for (word, alias) in LocalIntentParser.imageWords {
      #expect(ImageAliases.linux(named: alias) != nil, "\(word) → \(alias)")
    }
  }
}
