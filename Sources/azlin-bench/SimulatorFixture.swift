import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation

/// An embedded simulator holding `groups` × `perGroup` VMs, for figure 3.
///
/// The groups and one VM per group are created through `simulator.run`, on a `ManualClock`
/// with a `ClockSleeper` so no real time passes; a few of those VMs are stopped or
/// deallocated through `run` too. The simulator's quota (20 vCPUs a region, 18 regions)
/// cannot hold 500 VMs, so the other VMs are copies of those the simulator wrote — same
/// format, new names, new IDs — written into `state.json` before the simulator reads it.
struct SimulatorFixture {
  let folder: String
  let groups: Int
  let perGroup: Int

  /// Builds the state and returns a simulator over it with its clock.
  /// - Throws: `BenchError` when the simulator refuses a command or the result does not hold
  ///   the expected number of groups and VMs.
  func build() throws -> (simulator: AzureSimulator, clock: ManualClock) {
    let clock = ManualClock()
    let simulator = try AzureSimulator(
      folder: folder, clock: clock, sleeper: ClockSleeper(clock: clock),
      ids: RandomIDGenerator())
    func run(_ arguments: [String]) throws {
      let result = simulator.run(arguments + ["--only-show-errors", "-o", "none"])
      guard result.succeeded else {
        throw BenchError(
          "az \(arguments.joined(separator: " ")): \(result.stderr.prefix(300))")
      }
    }
    for g in 0..<groups {
      let group = SyntheticSubscription.groupName(g)
      try run([
        "group", "create", "--name", group, "--location", SyntheticSubscription.region(ofGroup: g),
      ])
      try run([
        "vm", "create", "--resource-group", group, "--name",
        SyntheticSubscription.vmName(group: g, index: 0), "--image", "Ubuntu2204", "--size",
        "Standard_B1s", "--generate-ssh-keys",
      ])
    }
    let stopped = SyntheticSubscription.vmName(group: 2, index: 0)
    let deallocated = SyntheticSubscription.vmName(group: 3, index: 0)
    try run(["vm", "stop", "--resource-group", SyntheticSubscription.groupName(2), "-n", stopped])
    try run([
      "vm", "deallocate", "--resource-group", SyntheticSubscription.groupName(3), "-n", deallocated,
    ])
    clock.advance(by: 3600)
    try cloneVMs(stopped: stopped, deallocated: deallocated)
    let live = try LiveState.fetch(from: SimulatorBackend(simulator: simulator))
    guard live.groups.count == groups, live.vms.count == groups * perGroup else {
      throw BenchError(
        "the simulator lists \(live.groups.count) groups and \(live.vms.count) VMs, "
          + "not \(groups) and \(groups * perGroup)")
    }
    return (simulator, clock)
  }

  /// Copies each group's VM (and its OS disk) `perGroup - 1` times in `state.json`.
  private func cloneVMs(stopped: String, deallocated: String) throws {
    let path = folder + "/state.json"
    let state = try JSONValue.parse(data: try Data(contentsOf: URL(fileURLWithPath: path)))
    guard let vms = state["virtualMachines"]?.arrayValue, let disks = state["disks"]?.arrayValue
    else { throw BenchError("state.json has no virtualMachines or disks") }
    let powerOf = { (name: String) in
      vms.first(where: { $0["name"]?.stringValue == name })?["powerState"]
    }
    let powers = [
      JSONValue.string("running"), powerOf(stopped) ?? "stopped",
      powerOf(deallocated) ?? "deallocated",
    ]
    var newVMs = vms
    var newDisks = disks
    for g in 0..<groups {
      let template = SyntheticSubscription.vmName(group: g, index: 0)
      guard
        let vm = vms.first(where: {
          $0["name"]?.stringValue == template
            && $0["resourceGroup"]?.stringValue == SyntheticSubscription.groupName(g)
        })
      else { throw BenchError("the simulator did not keep VM \(template)") }
      let osDisk = vm["osDiskName"]?.stringValue ?? ""
      let disk = disks.first { $0["name"]?.stringValue == osDisk }
      for i in 1..<perGroup {
        let name = SyntheticSubscription.vmName(group: g, index: i)
        let n = g * perGroup + i
        let power = n % 10 < 7 ? powers[0] : (n % 10 < 9 ? powers[1] : powers[2])
        var copy = Self.renamed(
          vm, from: template, to: name, keys: ["name", "computerName", "nicName", "osDiskName"])
        copy = copy.setting("vmId", to: .string(UUID().uuidString.lowercased()))
        copy = copy.setting("powerState", to: power)
        newVMs.append(copy)
        if let disk {
          newDisks.append(
            Self.renamed(disk, from: template, to: name, keys: ["name", "managedBy"])
              .setting("uniqueId", to: .string(UUID().uuidString.lowercased())))
        }
      }
    }
    let updated = state.setting("virtualMachines", to: .array(newVMs))
      .setting("disks", to: .array(newDisks))
    try AtomicFile.write(updated.compact() + "\n", to: path, mode: 0o600)
  }

  /// `value` with `from` replaced by `to` in the string members named by `keys`.
  private static func renamed(_ value: JSONValue, from: String, to: String, keys: Set<String>)
    -> JSONValue
  {
    guard case .object(let members) = value else { return value }
    return .object(
      members.map { key, member in
        guard keys.contains(key), let text = member.stringValue else { return (key, member) }
        return (key, .string(text.replacingOccurrences(of: from, with: to)))
      })
  }
}
