import AzlinAzure
import AzlinCore
import Foundation

extension CommandPlanner {
  /// Plans the day-to-day changes of a development VM: ports, auto-shutdown and tags.
  /// - Returns: A stop (refusal or question), or `nil` when the steps were added.
  func addDevVMChange(
    _ intent: Intent, to b: inout PlanBuilder,
    context: ConversationContext
  ) -> PlanningOutcome? {
    let p = intent.parameters
    if [.setTag, .removeTag].contains(intent.kind) {
      return addTagChange(intent, to: &b, context: context)
    }
    var selection = p
    if let filter = p.tagFilter, p.names.isEmpty {
      selection.names = b.world.vms.filter { Self.carries($0.tags, filter) }.map(\.name)
      if selection.names.isEmpty { return .refused(.noVMs) }
    }
    let targets: [LiveState.VM]
    switch resolveTargets(selection, world: b.world, context: context) {
    case .success(let vms): targets = vms
    case .failure(let stop): return stop.value
    }
    for vm in targets {
      let stop: PlanningOutcome?
      switch intent.kind {
      case .openPort: stop = openPort(p, on: vm, to: &b)
      case .closePort: stop = closePort(p, on: vm, to: &b)
      default: stop = setAutoShutdown(p, on: vm, off: intent.kind == .clearAutoShutdown, to: &b)
      }
      if let stop { return stop }
    }
    return nil
  }

  /// Answers the read-only questions about ports, auto-shutdown and tags.
  func devVMReport(_ intent: Intent, live: LiveState, context: ConversationContext)
    -> PlanningOutcome
  {
    let p = intent.parameters
    if intent.kind == .listTagged {
      guard
        let filter = p.tagFilter
          ?? p.tags.first.map({ $0.value.isEmpty ? $0.key : "\($0.key)=\($0.value)" })
      else { return .refused(.nothingNamed("tag")) }
      return .report(.tagged(filter, Self.tagged(filter, in: live)))
    }
    var vms = live.vms
    if !p.names.isEmpty {
      vms = []
      for name in p.names {
        let found = live.vms(named: name)
        if found.isEmpty { return .refused(.vmNotFound(name, group: p.resourceGroup)) }
        vms += found
      }
    } else if let g = p.resourceGroup {
      vms = vms.filter { $0.resourceGroup.lowercased() == g.lowercased() }
    }
    if vms.isEmpty { return .refused(.noVMs) }
    if intent.kind == .showAutoShutdown {
      return .report(.autoShutdown(vms, timeZone: timeZone.identifier))
    }
    return .report(.ports(vms.map { VMPorts(vm: $0, rules: live.openRules(of: $0)) }))
  }

  // MARK: - Ports

  private func openPort(_ p: IntentParameters, on vm: LiveState.VM, to b: inout PlanBuilder)
    -> PlanningOutcome?
  {
    guard let ports = p.ports else { return .refused(.nothingNamed("port")) }
    guard Self.isPortRange(ports) else { return .refused(.badPort(ports)) }
    let source = p.source ?? "*"
    guard Self.isSource(source) else { return .refused(.badSource(source)) }
    guard let nsg = b.world.securityGroup(of: vm) else {
      return .refused(.noSecurityGroup(vm: vm.name))
    }
    let open = b.world.openRules(of: vm)
    if let rule = open.first(where: {
      Self.covers($0.ports, ports) && ($0.isOpenToEveryone || $0.sources.contains(source))
    }) {
      b.notes.append(.portAlreadyOpen(vm: vm.name, ports: ports, rule: rule.name))
      return nil
    }
    let used = Set(nsg.rules.filter { $0.direction == "Inbound" }.map(\.priority))
    guard
      let priority = stride(from: 900, through: 4090, by: 10).first(where: { !used.contains($0) })
    else { return .refused(.badPort(ports)) }
    let base =
      source == "*"
      ? "open-port-\(ports)"
      : "allow-\(ports)-from-\(source.replacingOccurrences(of: "/", with: "_"))"
    var name = base
    var n = 2
    while nsg.rules.contains(where: { $0.name.lowercased() == name.lowercased() }) {
      name = "\(base)-\(n)"
      n += 1
    }
    if let problem = Self.nameViolation(name, as: .securityRule) {
      return .refused(.invalidName(problem))
    }
    let rule = PortRule(
      vm: vm.name, securityGroup: nsg.name, rule: name, ports: ports, source: source,
      priority: priority)
    if rule.isOpenToEveryone, let port = ["22", "3389"].first(where: { Self.covers([ports], $0) }) {
      b.notes.append(.openToInternet(vm: vm.name, port: port))
    }
    b.append(
      action: .change, operation: .openPort(rule), resource: Self.ref(vm),
      azureOperation: .securityRuleCreate(
        rule: name, securityGroup: nsg.name, group: vm.resourceGroup, priority: priority,
        ports: ports, sources: [source]),
      inverse: .securityRuleDelete(rule: name, securityGroup: nsg.name, group: vm.resourceGroup))
    b.world.addRule(
      LiveState.SecurityRule(name: name, priority: priority, ports: [ports], sources: [source]),
      to: nsg)
    return nil
  }

  private func closePort(_ p: IntentParameters, on vm: LiveState.VM, to b: inout PlanBuilder)
    -> PlanningOutcome?
  {
    guard let ports = p.ports else { return .refused(.nothingNamed("port")) }
    guard Self.isPortRange(ports) else { return .refused(.badPort(ports)) }
    guard let nsg = b.world.securityGroup(of: vm) else {
      b.notes.append(.portNotOpen(vm: vm.name, ports: ports))
      return nil
    }
    let matching = b.world.openRules(of: vm).filter {
      Self.covers($0.ports, ports) && (p.source == nil || $0.sources.contains(p.source!))
    }
    if matching.isEmpty {
      b.notes.append(.portNotOpen(vm: vm.name, ports: ports))
      return nil
    }
    for rule in matching {
      // Deleting a rule that also opens other ports would close them too: refuse, and say so.
      guard rule.ports == [ports] else {
        return .refused(
          .portInSharedRule(vm: vm.name, ports: ports, rule: rule.name, opens: rule.ports))
      }
      let source = rule.sources.joined(separator: ",")
      let closing = PortRule(
        vm: vm.name, securityGroup: nsg.name, rule: rule.name, ports: ports, source: source,
        priority: rule.priority)
      b.append(
        action: .change, operation: .closePort(closing), resource: Self.ref(vm),
        azureOperation: .securityRuleDelete(
          rule: rule.name, securityGroup: nsg.name, group: vm.resourceGroup),
        inverse: .securityRuleCreate(
          rule: rule.name, securityGroup: nsg.name, group: vm.resourceGroup,
          priority: rule.priority, ports: ports, sources: rule.sources))
      b.world.removeRule(named: rule.name, from: nsg)
    }
    return nil
  }

  /// `8080` or `8000-8100`, within 1–65535, low before high.
  static func isPortRange(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard (1...2).contains(parts.count),
      parts.allSatisfy({ $0.map { (1...65535).contains($0) } == true })
    else { return false }
    return parts.count == 1 || parts[0]! <= parts[1]!
  }

  /// `*`, an IPv4 address, or an IPv4 CIDR.
  static func isSource(_ text: String) -> Bool {
    if text == "*" { return true }
    let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
    guard (1...2).contains(pieces.count) else { return false }
    let octets = pieces[0].split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4, octets.allSatisfy({ Int($0).map { (0...255).contains($0) } == true })
    else { return false }
    return pieces.count == 1 || Int(pieces[1]).map { (0...32).contains($0) } == true
  }

  /// True when one of `ranges` (`22`, `8000-8100`, `*`) lets in all of `ports`.
  static func covers(_ ranges: [String], _ ports: String) -> Bool {
    func bounds(_ text: String) -> (Int, Int)? {
      if text == "*" { return (0, 65535) }
      let parts = text.split(separator: "-").compactMap { Int($0) }
      if parts.count == 1 { return (parts[0], parts[0]) }
      return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
    guard let want = bounds(ports) else { return false }
    return ranges.contains { range in
      guard let have = bounds(range) else { return false }
      return have.0 <= want.0 && want.1 <= have.1
    }
  }

  // MARK: - Auto-shutdown

  private func setAutoShutdown(
    _ p: IntentParameters, on vm: LiveState.VM, off: Bool, to b: inout PlanBuilder
  ) -> PlanningOutcome? {
    var utc: String?
    if !off {
      guard let time = p.time else { return .refused(.nothingNamed("time")) }
      let zoneName = p.timeZone ?? timeZone.identifier
      guard let zone = Self.timeZone(named: zoneName) else {
        return .refused(.unknownTimeZone(zoneName))
      }
      guard let converted = Self.utc(time, in: zone, on: now) else {
        return .refused(.badTime(time))
      }
      utc = converted
      if zone.secondsFromGMT(for: now) != 0 {
        b.notes.append(
          .shutdownTime(
            vm: vm.name, local: time, zone: zone.identifier,
            utc: "\(converted.prefix(2)):\(converted.suffix(2))"))
      }
    }
    if vm.autoShutdownUTC == utc {
      b.notes.append(.shutdownUnchanged(vm: vm.name))
      return nil
    }
    b.append(
      action: .change, operation: .autoShutdown(utc: utc, from: vm.autoShutdownUTC),
      resource: Self.ref(vm),
      azureOperation: .vmAutoShutdown(name: vm.name, group: vm.resourceGroup, utc: utc),
      inverse: .vmAutoShutdown(name: vm.name, group: vm.resourceGroup, utc: vm.autoShutdownUTC))
    if let i = b.world.vms.firstIndex(where: { $0.id == vm.id && $0.name == vm.name }) {
      b.world.vms[i].autoShutdownUTC = utc
    }
    return nil
  }

  /// A zone by IANA name, or by the abbreviations people say.
  static func timeZone(named name: String) -> TimeZone? {
    let spoken: [String: String] = [
      "utc": "UTC", "gmt": "GMT", "z": "UTC", "cet": "Europe/Paris", "cest": "Europe/Paris",
      "bst": "Europe/London", "uk": "Europe/London", "london": "Europe/London",
      "est": "America/New_York", "edt": "America/New_York", "eastern": "America/New_York",
      "cst": "America/Chicago", "cdt": "America/Chicago", "central": "America/Chicago",
      "mst": "America/Denver", "mdt": "America/Denver", "mountain": "America/Denver",
      "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
      "pacific": "America/Los_Angeles", "ist": "Asia/Kolkata", "jst": "Asia/Tokyo",
      "aest": "Australia/Sydney",
    ]
    if let id = spoken[name.lowercased()] { return TimeZone(identifier: id) }
    if let exact = TimeZone(identifier: name) { return exact }
    // "europe/berlin" as typed in lower case.
    guard name.contains("/") else { return nil }
    return TimeZone.knownTimeZoneIdentifiers.first { $0.lowercased() == name.lowercased() }
      .flatMap(TimeZone.init(identifier:))
  }

  /// `HH:MM` in `zone` on the day of `now`, as Azure keeps it: `HHMM` in UTC.
  static func utc(_ time: String, in zone: TimeZone, on now: Date) -> String? {
    let parts = time.split(separator: ":").compactMap { Int($0) }
    guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else {
      return nil
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    var day = calendar.dateComponents([.year, .month, .day], from: now)
    day.hour = parts[0]
    day.minute = parts[1]
    guard let date = calendar.date(from: day) else { return nil }
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let utc = calendar.dateComponents([.hour, .minute], from: date)
    return String(format: "%02d%02d", utc.hour ?? 0, utc.minute ?? 0)
  }

  // MARK: - Tags

  private func addTagChange(
    _ intent: Intent, to b: inout PlanBuilder, context: ConversationContext
  ) -> PlanningOutcome? {
    let p = intent.parameters
    guard !p.tags.isEmpty else { return .refused(.nothingNamed("tag")) }
    for (key, value) in p.tags {
      if key.lowercased() == "managed-by" { return .refused(.reservedTag(key)) }
      if let problem = Self.tagViolation(key: key, value: value) {
        return .refused(.badTag(problem))
      }
    }
    let remove = intent.kind == .removeTag
    // What the tag goes on: a group named as such, a disk or storage account by name, or VMs.
    var targets: [(AzCommand.TagTarget, name: String, group: String, tags: [String: String])] = []
    if p.names.isEmpty, let g = p.resourceGroup, !p.all {
      guard let group = b.world.group(named: g) else { return .refused(.groupNotFound(g)) }
      targets.append((.group, group.name, group.name, group.tags))
    } else {
      var vmNames: [String] = []
      for name in p.names {
        if b.world.vms(named: name).isEmpty, let group = b.world.group(named: name),
          p.resourceGroup == nil
        {
          targets.append((.group, group.name, group.name, group.tags))
        } else if b.world.vms(named: name).isEmpty,
          let disk = b.world.disks.first(where: { $0.name.lowercased() == name.lowercased() })
        {
          targets.append((.disk, disk.name, disk.resourceGroup, disk.tags))
        } else if b.world.vms(named: name).isEmpty,
          let account = b.world.storageAccounts(named: name).first
        {
          targets.append((.storage, account.name, account.resourceGroup, account.tags))
        } else {
          vmNames.append(name)
        }
      }
      if !vmNames.isEmpty || targets.isEmpty {
        var selection = p
        selection.names = vmNames
        switch resolveTargets(selection, world: b.world, context: context) {
        case .success(let vms):
          targets += vms.map { (.vm, $0.name, $0.resourceGroup, $0.tags) }
        case .failure(let stop): return stop.value
        }
      }
    }
    for target in targets {
      for (key, value) in p.tags.sorted(by: { $0.key < $1.key }) {
        let before = target.tags.first { $0.key.lowercased() == key.lowercased() }
        let after: String? = remove ? nil : value
        if before?.value == after || (remove && before == nil) {
          b.notes.append(.tagUnchanged(name: target.name, key: key))
          continue
        }
        let actualKey = before?.key ?? key
        let kind: ResourceRef.Kind =
          switch target.0 {
          case .vm: .virtualMachine
          case .group: .resourceGroup
          case .disk: .disk
          case .storage: .storageAccount
          }
        var change = AzureOperation.tagUpdate(
          target.0, name: target.name, group: target.group, key: actualKey, value: after)
        if target.0 == .group, after == nil {
          var rest = target.tags
          rest[actualKey] = nil
          change = .groupTagsReplace(name: target.name, tags: rest)
        }
        b.append(
          action: .change, operation: .tag(key: actualKey, value: after, from: before?.value),
          resource: ResourceRef(
            kind: kind, name: target.name, resourceGroup: target.group,
            location: b.world.group(named: target.group)?.location ?? ""),
          azureOperation: change,
          inverse: target.0 == .group && before == nil
            ? .groupTagsReplace(name: target.name, tags: target.tags)
            : .tagUpdate(
              target.0, name: target.name, group: target.group, key: actualKey,
              value: before?.value))
      }
    }
    return nil
  }

  /// Why Azure would refuse a tag, or `nil`: a name of 1–512 characters without `<>%&\?/`,
  /// a value of at most 256.
  static func tagViolation(key: String, value: String) -> String? {
    if key.isEmpty || key.count > 512 || key.contains(where: { "<>%&\\?/".contains($0) }) {
      return "tag name '\(key)' is invalid: use 1–512 characters without < > % & \\ ? /."
    }
    if value.count > 256 { return "the value of tag '\(key)' is longer than 256 characters." }
    return nil
  }

  /// True when `tags` carry `filter` (`key` or `key=value`; names and values without regard
  /// to case, as Azure compares tag names).
  static func carries(_ tags: [String: String], _ filter: String) -> Bool {
    let parts = filter.split(separator: "=", maxSplits: 1).map(String.init)
    guard let key = parts.first?.lowercased() else { return false }
    guard let value = tags.first(where: { $0.key.lowercased() == key })?.value else { return false }
    return parts.count < 2 || value.lowercased() == parts[1].lowercased()
  }

  /// Everything that carries `filter`: groups, VMs, disks and storage accounts.
  static func tagged(_ filter: String, in live: LiveState) -> [TaggedResource] {
    let key = filter.split(separator: "=").first.map(String.init)?.lowercased() ?? filter
    func value(_ tags: [String: String]) -> String {
      tags.first { $0.key.lowercased() == key }?.value ?? ""
    }
    var found: [TaggedResource] = []
    for g in live.groups where carries(g.tags, filter) {
      found.append(
        TaggedResource(kind: "group", name: g.name, resourceGroup: g.name, value: value(g.tags)))
    }
    for vm in live.vms where carries(vm.tags, filter) {
      found.append(
        TaggedResource(
          kind: "VM", name: vm.name, resourceGroup: vm.resourceGroup, value: value(vm.tags)))
    }
    for d in live.disks where carries(d.tags, filter) {
      found.append(
        TaggedResource(
          kind: "disk", name: d.name, resourceGroup: d.resourceGroup, value: value(d.tags)))
    }
    for s in live.storageAccounts where carries(s.tags, filter) {
      found.append(
        TaggedResource(
          kind: "storage account", name: s.name, resourceGroup: s.resourceGroup,
          value: value(s.tags)))
    }
    return found
  }

  private static func ref(_ vm: LiveState.VM) -> ResourceRef {
    ResourceRef(
      kind: .virtualMachine, name: vm.name, resourceGroup: vm.resourceGroup, location: vm.location,
      size: vm.size)
  }
}

extension LiveState {
  /// The state once `rule` is added to `nsg` (the planner's working copy).
  mutating func addRule(_ rule: SecurityRule, to nsg: SecurityGroup) {
    if let i = securityGroups.firstIndex(of: nsg) { securityGroups[i].rules.append(rule) }
  }

  /// The state once the rule called `name` is gone from `nsg`.
  mutating func removeRule(named name: String, from nsg: SecurityGroup) {
    if let i = securityGroups.firstIndex(of: nsg) {
      securityGroups[i].rules.removeAll { $0.name == name }
    }
  }
}
