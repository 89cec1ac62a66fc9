import AzlinAzure
import AzlinCore
import AzlinPlanning
import Foundation

extension Messages {
  /// The open ports of each VM, one line per rule.
  static func portTable(_ entries: [VMPorts]) -> [String] {
    var lines: [String] = []
    for entry in entries {
      guard entry.vm.securityGroup != nil else {
        lines.append(
          "\(entry.vm.name) has no network security group on its NIC: azlin sees no rules.")
        continue
      }
      guard !entry.rules.isEmpty else {
        lines.append("\(entry.vm.name): no inbound port is open.")
        continue
      }
      lines.append("\(entry.vm.name) (\(entry.vm.securityGroup ?? "")):")
      lines += table(
        ["PORT", "FROM", "RULE", "PRIORITY"],
        entry.rules.map {
          [
            $0.ports.joined(separator: ","),
            $0.isOpenToEveryone ? "anywhere" : $0.sources.joined(separator: ","), $0.name,
            String($0.priority),
          ]
        }
      ).map { "  " + $0 }
    }
    return lines
  }

  /// Each VM's auto-shutdown, in `zone` and in UTC.
  static func autoShutdownLines(_ vms: [LiveState.VM], zone: String) -> [String] {
    vms.map { vm in
      guard let utc = vm.autoShutdownUTC else {
        return
          "\(vm.name) has no auto-shutdown (\"shut \(vm.name) down every day at 7pm\" sets one)."
      }
      let local = localTime(utc, zone: zone)
      let shown =
        zone == "UTC" || zone == "GMT"
        ? "\(local) UTC" : "\(local) \(zone) (\(utc.prefix(2)):\(utc.suffix(2)) UTC)"
      return "\(vm.name) shuts down every day at \(shown)."
    }
  }

  /// `HHMM` UTC as `HH:MM` in `zone` today.
  static func localTime(_ utc: String, zone: String) -> String {
    guard let value = Int(utc), let tz = TimeZone(identifier: zone) else {
      return "\(utc.prefix(2)):\(utc.suffix(2))"
    }
    let offset = tz.secondsFromGMT() / 60
    let minutes = ((value / 100 * 60 + value % 100 + offset) % 1440 + 1440) % 1440
    return String(format: "%02d:%02d", minutes / 60, minutes % 60)
  }

  /// What exists, most expensive first, with each one's share of the run-rate.
  static func costRanking(_ items: [(what: String, group: String, monthly: Money)]) -> [String] {
    guard !items.isEmpty else { return ["Nothing that costs money exists."] }
    let total = items.reduce(Money.zero) { $0 + $1.monthly }
    let rows = items.map { item -> [String] in
      let share =
        total.amount > 0
        ? NSDecimalNumber(decimal: item.monthly.amount * 100 / total.amount).intValue : 0
      return [item.what, item.group, "\(item.monthly)/month", "\(share)%"]
    }
    return table(["WHAT", "GROUP", "COST", "SHARE"], rows)
      + [
        "Total run-rate: \(total)/month (list prices; a stopped VM is billed, a deallocated one is not)."
      ]
  }

  /// What carries a tag.
  static func taggedTable(_ filter: String, _ found: [TaggedResource]) -> [String] {
    guard !found.isEmpty else { return ["Nothing is tagged \(filter)."] }
    return table(
      ["KIND", "NAME", "GROUP", "VALUE"],
      found.map { [$0.kind, $0.name, $0.resourceGroup, $0.value] })
  }

  static func devVMStepSummary(_ s: PlanStep) -> String? {
    let r = s.resource
    switch s.operation {
    case .openPort(let rule):
      let from = rule.isOpenToEveryone ? "anywhere" : rule.source
      return
        "open port \(rule.ports) on VM \(rule.vm) to \(from) (rule \(rule.rule), priority \(rule.priority))"
    case .closePort(let rule):
      return "close port \(rule.ports) on VM \(rule.vm) (delete rule \(rule.rule))"
    case .autoShutdown(let utc, _):
      guard let utc else { return "turn off auto-shutdown of VM \(r.name)" }
      return "shut VM \(r.name) down every day at \(utc.prefix(2)):\(utc.suffix(2)) UTC"
    case .tag(let key, let value, _):
      let what = "\(Self.kindName(r.kind)) \(r.name)"
      guard let value else { return "remove tag \(key) from \(what)" }
      return "tag \(what) \(key)=\(value)"
    default: return nil
    }
  }

  static func kindName(_ kind: ResourceRef.Kind) -> String {
    switch kind {
    case .virtualMachine: return "VM"
    case .resourceGroup: return "resource group"
    case .disk, .diskAttachment: return "disk"
    case .storageAccount: return "storage account"
    case .snapshot: return "snapshot"
    }
  }

  static func devVMNote(_ n: PlanNote) -> String? {
    switch n {
    case .portAlreadyOpen(let vm, let ports, let rule):
      return "Port \(ports) is already open on \(vm) (rule \(rule))."
    case .portNotOpen(let vm, let ports): return "No rule opens port \(ports) on \(vm)."
    case .openToInternet(let vm, let port):
      return
        "Warning: this opens port \(port) on \(vm) to the whole internet; \"from <your IP>/32\" limits it."
    case .shutdownTime(let vm, let local, let zone, let utc):
      return "\(vm): \(local) \(zone) is \(utc) UTC, the zone Azure's schedule keeps."
    case .shutdownUnchanged(let vm): return "\(vm)'s auto-shutdown is already so."
    case .tagUnchanged(let name, let key): return "\(name): tag \(key) is already so."
    default: return nil
    }
  }

  static func devVMProblem(_ p: PlanProblem) -> String? {
    switch p {
    case .badPort(let text):
      return "\(text) is not a port: use a number from 1 to 65535, or a range like 8000-8100."
    case .badSource(let text):
      return
        "\(text) is not an address azlin can allow: use an IPv4 address or CIDR (10.0.0.0/8), or \"anywhere\"."
    case .noSecurityGroup(let vm):
      return "\(vm) has no network security group on its NIC, so there is no rule to add."
    case .portInSharedRule(let vm, let ports, let rule, let opens):
      return
        "Port \(ports) on \(vm) is open through rule \(rule), which opens \(opens.joined(separator: ", ")); closing it would close those too. Close \(opens.joined(separator: ", ")) instead."
    case .badTime(let text):
      return "\(text) is not a time of day azlin can read; say e.g. \"at 7pm\" or \"at 19:30\"."
    case .unknownTimeZone(let zone):
      return "\(zone) is not a time zone azlin knows; use a name like Europe/Berlin or UTC."
    case .badTag(let problem): return "That tag cannot be set: \(problem)"
    case .reservedTag(let key):
      return
        "\(key) is azlin's own tag (it marks what azlin made, so undo never deletes anything else); it cannot be changed."
    default: return nil
    }
  }
}
