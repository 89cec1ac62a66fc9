import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation
import Testing

@Suite("Planning a dev VM's day: ports, auto-shutdown, tags")
struct DevVMPlanningTests {
  static let live: LiveState = {
    var vm = LiveState.VM(
      name: "sam", resourceGroup: "dev", location: "westus2", size: "Standard_B2s",
      powerState: "running",
      id: "/subscriptions/0/resourceGroups/dev/providers/Microsoft.Compute/virtualMachines/sam")
    vm.securityGroup = "samNSG"
    vm.tags = ["managed-by": "azlin"]
    var state = LiveState(groups: [LiveState.Group(name: "dev", location: "westus2")], vms: [vm])
    state.securityGroups = [
      LiveState.SecurityGroup(
        name: "samNSG", resourceGroup: "dev", location: "westus2",
        rules: [
          LiveState.SecurityRule(
            name: "default-allow-ssh", priority: 1000, ports: ["22"], sources: ["*"]),
          LiveState.SecurityRule(
            name: "open-port-900", priority: 900, ports: ["9000"], sources: ["*"]),
          LiveState.SecurityRule(name: "web", priority: 910, ports: ["80", "443"], sources: ["*"]),
        ])
    ]
    return state
  }()

  static func plan(
    _ kind: IntentKind, live: LiveState = live, _ fill: (inout IntentParameters) -> Void
  )
    -> PlanningOutcome
  {
    var p = IntentParameters()
    p.names = ["sam"]
    fill(&p)
    var planner = CommandPlanner(defaults: AzlinConfig.Defaults())
    planner.now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-29
    return planner.plan(
      [Intent(kind: kind, parameters: p)], live: live, context: ConversationContext())
  }

  /// The plan of `outcome`, or an issue recorded when there is none.
  static func plan(of outcome: PlanningOutcome, sourceLocation: SourceLocation = #_sourceLocation)
    -> Plan?
  {
    guard case .plan(let plan) = outcome else {
      Issue.record("no plan: \(outcome)", sourceLocation: sourceLocation)
      return nil
    }
    return plan
  }

  @Test("a port opens at the first free priority from 900, with its exact argv and undo")
  func opensAtFreePriority() throws {
    guard let plan = Self.plan(of: Self.plan(.openPort, { $0.ports = "8080" })) else { return }
    let step = try #require(plan.steps.first)
    #expect(
      step.command.arguments == [
        "network", "nsg", "rule", "create", "--resource-group", "dev", "--nsg-name", "samNSG",
        "--name", "open-port-8080", "--priority", "920", "--direction", "Inbound", "--access",
        "Allow", "--protocol", "Tcp", "--destination-port-ranges", "8080",
        "--source-address-prefixes", "*",
      ])
    #expect(
      step.undo?.arguments == [
        "network", "nsg", "rule", "delete", "--resource-group", "dev", "--nsg-name", "samNSG",
        "--name", "open-port-8080",
      ])
  }

  @Test("two ports on one line take two different priorities")
  func twoPortsTwoPriorities() {
    var p = IntentParameters()
    p.names = ["sam"]
    var first = Intent(kind: .openPort, parameters: p)
    first.parameters.ports = "8080"
    var second = first
    second.parameters.ports = "3000-3100"
    second.parameters.source = "10.0.0.0/8"
    let outcome = CommandPlanner(defaults: AzlinConfig.Defaults()).plan(
      [first, second], live: Self.live, context: ConversationContext())
    guard case .plan(let plan) = outcome else {
      Issue.record("no plan: \(outcome)")
      return
    }
    let priorities = plan.steps.compactMap { step -> Int? in
      if case .openPort(let rule) = step.operation { return rule.priority }
      return nil
    }
    #expect(priorities == [920, 930])
  }

  @Test("SSH to the whole internet is planned with a warning; an open port is a note, not a step")
  func warnsAndNotes() {
    var live = Self.live
    live.securityGroups[0].rules.removeAll { $0.name == "default-allow-ssh" }
    guard let plan = Self.plan(of: Self.plan(.openPort, live: live, { $0.ports = "22" })) else {
      return
    }
    #expect(plan.notes == [.openToInternet(vm: "sam", port: "22")])
    #expect(
      Self.plan(.openPort, { $0.ports = "22" })
        == .nothingToDo([.portAlreadyOpen(vm: "sam", ports: "22", rule: "default-allow-ssh")]))
  }

  @Test(
    "bad ports, sources and shared rules are refused, never guessed",
    arguments: [
      ("0", nil, PlanProblem.badPort("0")), ("70000", nil, .badPort("70000")),
      ("90-80", nil, .badPort("90-80")), ("8080", "10.0.0.300/8", .badSource("10.0.0.300/8")),
    ] as [(String, String?, PlanProblem)])
  func refusals(_ ports: String, _ source: String?, _ problem: PlanProblem) {
    #expect(
      Self.plan(
        .openPort,
        {
          $0.ports = ports
          $0.source = source
        }) == .refused(problem))
  }

  @Test("closing a port a rule shares with others is refused with what else it opens")
  func sharedRule() {
    #expect(
      Self.plan(.closePort, { $0.ports = "443" })
        == .refused(.portInSharedRule(vm: "sam", ports: "443", rule: "web", opens: ["80", "443"])))
    #expect(
      Self.plan(.closePort, { $0.ports = "5000" })
        == .nothingToDo([.portNotOpen(vm: "sam", ports: "5000")]))
  }

  @Test(
    "a daily time in the user's zone is kept in UTC, on the day's offset",
    arguments: [
      ("19:00", "UTC", "1900"), ("19:00", "Europe/Berlin", "1800"), ("19:00", "pst", "0300"),
      ("00:30", "Asia/Kolkata", "1900"),
    ])
  func shutdownInUTC(_ time: String, _ zone: String, _ utc: String) throws {
    guard
      case .plan(let plan) = Self.plan(
        .setAutoShutdown,
        {
          $0.time = time
          $0.timeZone = zone
        })
    else {
      Issue.record("no plan")
      return
    }
    let step = try #require(plan.steps.first)
    #expect(
      step.command.arguments == [
        "vm", "auto-shutdown", "--resource-group", "dev", "--name", "sam", "--time", utc,
      ])
    #expect(
      step.undo?.arguments == [
        "vm", "auto-shutdown", "--resource-group", "dev", "--name", "sam", "--off",
      ])
  }

  @Test("a zone azlin does not know is refused")
  func unknownZone() {
    #expect(
      Self.plan(
        .setAutoShutdown,
        {
          $0.time = "19:00"
          $0.timeZone = "Mars/Olympus"
        }) == .refused(.unknownTimeZone("Mars/Olympus")))
  }

  @Test("auto-shutdown saves the compute of the hours it is off, from 09:00 where the user is")
  func saving() {
    var vm = Self.live.vms[0]
    vm.autoShutdownUTC = "1900"
    var estimator = CostEstimator()
    estimator.dayStartsAtUTCMinute = 9 * 60
    // 19:00 to 09:00 is 14 of 24 hours of the VM's compute.
    var running = vm
    running.autoShutdownUTC = nil
    var off = vm
    off.powerState = "deallocated"
    let compute = estimator.monthly(of: running) - estimator.monthly(of: off)
    #expect(
      estimator.autoShutdownSaving(of: vm, utc: "1900") == (compute * (Decimal(14) / 24)).rounded)
    #expect(
      estimator.monthlyRunRate(of: LiveState(vms: [vm]))
        == estimator.monthlyRunRate(of: LiveState(vms: [running]))
        - estimator.autoShutdownSaving(of: vm, utc: "1900"))
  }

  @Test("tags: set on a VM with its undo; azlin's own managed-by tag is untouchable")
  func tags() throws {
    guard let plan = Self.plan(of: Self.plan(.setTag, { $0.tags = ["env": "dev"] })) else { return }
    let step = try #require(plan.steps.first)
    #expect(
      step.command.arguments == [
        "vm", "update", "--resource-group", "dev", "--name", "sam", "--set", "tags.env=dev",
      ])
    #expect(
      step.undo?.arguments == [
        "vm", "update", "--resource-group", "dev", "--name", "sam", "--remove", "tags.env",
      ])
    #expect(
      Self.plan(.setTag, { $0.tags = ["Managed-By": "me"] }) == .refused(.reservedTag("Managed-By"))
    )
    #expect(
      Self.plan(.removeTag, { $0.tags = ["managed-by": ""] })
        == .refused(.reservedTag("managed-by")))
    if case .refused(.badTag) = Self.plan(.setTag, { $0.tags = ["a/b": "c"] }) {
    } else {
      Issue.record("a tag name with / was not refused")
    }
  }

  @Test("a tag filter selects the VMs a change applies to")
  func tagFilter() {
    var live = Self.live
    var other = live.vms[0]
    other.name = "bob"
    other.tags = ["env": "prod"]
    live.vms[0].tags["env"] = "dev"
    live.vms.append(other)
    var p = IntentParameters()
    p.all = true
    p.tagFilter = "env=dev"
    let outcome = CommandPlanner(defaults: AzlinConfig.Defaults()).plan(
      [Intent(kind: .stopVM, parameters: p)], live: live, context: ConversationContext())
    guard case .plan(let plan) = outcome else {
      Issue.record("no plan: \(outcome)")
      return
    }
    #expect(plan.steps.map(\.resource.name) == ["sam"])
  }
}

extension DevVMPlanningTests {
  /// Two VMs and a tag, a port or a shutdown time for "them" without saying which: the
  /// question carries the request, so that the answer ("q2", "2", "all") completes it.
  @Test(
    "a which-VM question from a dev-VM change carries its request",
    arguments: [IntentKind.setTag, .openPort, .setAutoShutdown])
  func whichVMQuestionCarriesTheRequest(_ kind: IntentKind) throws {
    var live = Self.live
    var other = try #require(live.vms.first)
    other.name = "bob"
    live.vms.append(other)
    let outcome = Self.plan(kind, live: live) { p in
      p.names = []
      p.tags = ["env": "test"]
      p.ports = "8080"
      p.time = "19:00"
    }
    guard case .question(let q) = outcome else {
      Issue.record("not a question: \(outcome)")
      return
    }
    #expect(q.kind == .whichVM(options: ["sam", "bob"]))
    #expect(q.intents.map(\.kind) == [kind])
    #expect(q.intentIndex == 0)
  }
}
