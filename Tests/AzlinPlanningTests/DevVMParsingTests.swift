import AzlinAzure
import AzlinPlanning
import Testing

@Suite("Understanding a dev VM's day: ports, auto-shutdown, tags")
struct DevVMParsingTests {
  static let live: LiveState = {
    var state = LiveState(
      groups: [LiveState.Group(name: "dev", location: "westus2")],
      vms: [
        LiveState.VM(
          name: "sam", resourceGroup: "dev", location: "westus2", size: "Standard_B2s",
          powerState: "running", id: "sam-id"),
        LiveState.VM(
          name: "alice", resourceGroup: "dev", location: "westus2", size: "Standard_B2s",
          powerState: "running", id: "alice-id"),
      ])
    state.vms[0].securityGroup = "samNSG"
    return state
  }()

  static func parse(_ line: String, context: ConversationContext = ConversationContext())
    -> ParseResult
  {
    LocalIntentParser().parse(line, context: context, live: live)
  }

  /// The one intent a line gives, as `kind key=value …`.
  static func reading(_ line: String) -> String {
    guard case .intents(let intents) = parse(line) else { return "\(parse(line))" }
    return intents.map { i in
      let p = i.parameters
      var parts = [i.kind.rawValue]
      if !p.names.isEmpty { parts.append("names=\(p.names.joined(separator: ","))") }
      if let v = p.ports { parts.append("ports=\(v)") }
      if let v = p.source { parts.append("source=\(v)") }
      if let v = p.time { parts.append("time=\(v)") }
      if let v = p.timeZone { parts.append("zone=\(v)") }
      for (k, v) in p.tags.sorted(by: { $0.key < $1.key }) { parts.append("tag:\(k)=\(v)") }
      if let v = p.tagFilter { parts.append("tagged=\(v)") }
      if p.all { parts.append("all") }
      if p.ranking { parts.append("ranking") }
      return parts.joined(separator: " ")
    }.joined(separator: " ; ")
  }

  @Test(
    "lines and what they mean",
    arguments: [
      ("open port 8080 on sam", "open_port names=sam ports=8080"),
      ("allow https to sam from anywhere", "open_port names=sam ports=443 source=*"),
      ("open 5432 on sam to 10.0.0.0/8", "open_port names=sam ports=5432 source=10.0.0.0/8"),
      (
        "open ports 80 and 443 on sam",
        "open_port names=sam ports=80 ; open_port names=sam ports=443"
      ),
      ("open ports 8000 to 8100 on sam", "open_port names=sam ports=8000-8100"),
      ("close port 8080 on sam", "close_port names=sam ports=8080"),
      ("block ssh on sam", "close_port names=sam ports=22"),
      ("which ports are open on sam", "list_ports names=sam"),
      // A VM set to do something at a time keeps doing it: the daily schedule.
      ("set alice to turn off at 7:30pm", "set_auto_shutdown names=alice time=19:30"),
      ("configure sam to shut down at 23:15", "set_auto_shutdown names=sam time=23:15"),
      ("shut sam down every day at 7pm", "set_auto_shutdown names=sam time=19:00"),
      ("shut sam down every night at 7", "set_auto_shutdown names=sam time=19:00"),
      ("auto-shutdown sam at 18:30 utc", "set_auto_shutdown names=sam time=18:30 zone=utc"),
      (
        "shut down sam daily at 11pm Europe/Berlin",
        "set_auto_shutdown names=sam time=23:00 zone=Europe/Berlin"
      ),
      ("turn off auto-shutdown for sam", "clear_auto_shutdown names=sam"),
      ("when does sam shut down", "show_auto_shutdown names=sam"),
      ("tag sam env=dev", "set_tag names=sam tag:env=dev"),
      ("tag dev with owner=bob team=data", "set_tag names=dev tag:owner=bob tag:team=data"),
      ("remove the env tag from sam", "remove_tag names=sam tag:env="),
      ("what is tagged env=dev", "list_tagged tagged=env=dev"),
      ("what is owned by alice", "list_tagged tagged=owner=alice"),
      ("stop everything tagged env=dev", "stop_vm tagged=env=dev all"),
      ("what is sam's ip", "show_vm names=sam"),
      ("what's costing me the most", "cost_report ranking"),
      ("what are the tags on sam", "show_vm names=sam"),
      ("tag everything in dev with project=x", "set_tag tag:project=x all"),
      ("is port 8080 open on sam", "list_ports names=sam"),
      ("what's open on sam", "list_ports names=sam"),
      ("show me everything with env=dev", "list_tagged tagged=env=dev"),
      ("stop every vm with env=dev", "stop_vm tagged=env=dev all"),
      ("what costs the most", "cost_report ranking"),
    ])
  func readings(_ line: String, _ expected: String) {
    #expect(Self.reading(line) == expected)
  }

  @Test(
    "a line that lacks what it needs is asked about, never guessed",
    arguments: [
      "open a port on sam", "shut sam down at 7", "shut sam down at 7pm", "tag sam",
      "remove a tag from sam", "shut sam down every day", "open port 22 on sam only from my ip",
    ])
  func asks(_ line: String) {
    guard case .notUnderstood(let problem) = Self.parse(line) else {
      Issue.record("\(line) → \(Self.parse(line))")
      return
    }
    if case .missingDetail = problem {} else { Issue.record("\(line) → \(problem)") }
  }

  @Test(
    "lines that only look alike stay what they were",
    arguments: [
      ("shut down every vm in dev", "stop_vm all"), ("stop every vm", "stop_vm all"),
      ("stop sam", "stop_vm names=sam"),
    ])
  func notDevVM(_ line: String, _ expected: String) {
    #expect(Self.reading(line).hasPrefix(expected))
  }

  @Test(
    "a negated change is not done; counts of things are never ports",
    arguments: [
      "don't open port 22 on sam", "never shut sam down every day at 7pm", "do not tag sam env=dev",
    ])
  func negated(_ line: String) {
    #expect(Self.parse(line) == .notUnderstood(.negated))
  }

  @Test("counts of things are never ports", arguments: ["allow 3 vms in dev", "close the 2 vms"])
  func countsAreNotPorts(_ line: String) {
    if case .intents(let intents) = Self.parse(line) {
      #expect(!intents.contains { [.openPort, .closePort].contains($0.kind) }, "\(line)")
    }
  }

  @Test("'then 2 vms in it' makes two new VMs in the group, never one named after the VM met")
  func pronounAfterInIsAPlace() {
    var context = ConversationContext()
    context.remember(listed: ["sam"])
    guard
      case .intents(let intents) = Self.parse(
        "create rg demo in westeurope then 2 vms in it", context: context)
    else {
      Issue.record("not understood")
      return
    }
    #expect(intents.map(\.kind) == [.createResourceGroup, .provisionVM])
    #expect(intents.last?.parameters.names == [])
    #expect(intents.last?.parameters.count == 2)
  }

  @Test("'and 443' after opening a port opens another on the same VM; other words are not ports")
  func morePorts() {
    var context = ConversationContext()
    var opened = Intent(kind: .openPort)
    opened.parameters.names = ["sam"]
    opened.parameters.ports = "8080"
    context.remember(opened)
    guard case .intents(let intents) = Self.parse("and 443", context: context) else {
      Issue.record("not understood")
      return
    }
    #expect(intents.map(\.kind) == [.openPort])
    #expect(intents.first?.parameters.names == ["sam"])
    #expect(intents.first?.parameters.ports == "443")
    if case .intents(let other) = Self.parse("and 3 vms", context: context) {
      #expect(!other.contains { $0.kind == .openPort }, "\(other)")
    }
  }

  @Test("'every day' is when, never which: 'it' stays the VM the conversation met")
  func everyDayIsWhen() {
    var context = ConversationContext()
    context.remember(listed: ["alice"])
    guard case .intents(let intents) = Self.parse("shut it down every day at 7pm", context: context)
    else {
      Issue.record("not understood")
      return
    }
    #expect(intents.first?.parameters.names == ["alice"])
    #expect(intents.first?.parameters.all == false)
  }

  @Test(
    "a change asked about is previewed, never carried out",
    arguments: [
      "how much would an auto-shutdown at 6pm save on sam", "should i open port 8080 on sam",
      "can i tag sam env=dev", "maybe open port 8080 on sam later", "i'll tag sam env=dev tomorrow",
      "remind me to open 443 on sam",
    ])
  func asked(_ line: String) {
    guard case .intents(let intents) = Self.parse(line) else {
      Issue.record("\(line) → \(Self.parse(line))")
      return
    }
    #expect(intents.allSatisfy { $0.parameters.hypothetical || $0.kind.isReadOnly }, "\(line)")
  }

  @Test("questions about a port change are previewed, never carried out")
  func questionsPreview() {
    guard case .intents(let intents) = Self.parse("what would happen if I opened port 22 on sam")
    else {
      Issue.record("not understood")
      return
    }
    #expect(intents.allSatisfy { $0.parameters.hypothetical || $0.kind.isReadOnly })
  }

  /// The answer to "Which time?": a time of day among a few answering words, and nothing else.
  @Test(
    "a time of day said alone",
    arguments: [
      ("8 in the morning", true), ("half nine", false), ("midnight please", true),
      ("ok 21:45 cet", true), ("at 6", true), ("the evening", true), ("stop sam at 6", false),
      ("in the", false), ("", false),
    ])
  func timeOfDayAlone(_ line: String, _ alone: Bool) {
    #expect(LocalIntentParser.saysOnlyTimeOfDay(line) == alone)
  }
}

extension DevVMParsingTests {
  /// "the running ones": the VMs in that state, chosen by the planner from what exists — never
  /// a question about which VM, and never "shut … down" read as a state.
  @Test(
    arguments: [
      ("label all running machines owner=kim", "running"),
      ("open 9090 on every stopped vm", "stopped"),
      ("shut the deallocated ones down each day at 18:30", "deallocated"),
      ("shut sam down every day at 7pm", nil),
    ])
  func aStateSelectsTheVMs(_ line: String, _ state: String?) throws {
    guard case .intents(let intents) = Self.parse(line) else {
      Issue.record("not read: \(Self.parse(line))")
      return
    }
    #expect(intents.first?.parameters.powerState == state, "\(intents)")
  }
}
