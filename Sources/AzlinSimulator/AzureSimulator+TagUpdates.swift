import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// `az vm|group|disk|storage account update --set tags.KEY=VALUE --remove tags.KEY`:
  /// the generic update, modelled for tags only (any other property path is refused in one
  /// line, never ignored).
  func tagUpdate(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    var sets: [(String, String)] = []
    var removals: [String] = []
    for expression in call.strings("--set") ?? [] {
      guard expression.hasPrefix("tags."), let equals = expression.firstIndex(of: "=") else {
        throw Self.unmodelledUpdate(expression)
      }
      let key = String(expression[expression.index(expression.startIndex, offsetBy: 5)..<equals])
      sets.append((key, String(expression[expression.index(after: equals)...])))
    }
    for expression in call.strings("--remove") ?? [] {
      guard expression.hasPrefix("tags.") else { throw Self.unmodelledUpdate(expression) }
      removals.append(String(expression.dropFirst(5)))
    }
    func apply(_ tags: inout [String: String]) {
      for (key, value) in sets { tags[key] = value }
      for key in removals { tags[key] = nil }
    }
    let verb = call.invocation.spec.verb
    if verb == "group update" {
      let index = try requireWritableGroup(call.string("--name")!, in: state)
      // `--tags` replaces the group's tags whole (`--tags ""` clears them).
      var tags =
        call.strings("--tags").map { Self.tags($0) ?? [:] } ?? state.groups[index].tags ?? [:]
      apply(&tags)
      state.groups[index].tags = tags
      return SimulatorResponse(Self.groupJSON(state.groups[index]), duration: Self.waited(call))
    }
    let group = call.string("--resource-group") ?? ""
    let name = call.string("--name")!
    let target = SimulatorTarget(group: group, name: name)
    switch verb {
    case "vm update":
      _ = try findVM(target, in: state)
      let index = vmIndex(target, in: state)!
      apply(&state.virtualMachines[index].tags)
      return SimulatorResponse(
        vmJSON(state.virtualMachines[index], state, details: false, at: call.now),
        duration: Self.waited(call))
    case "disk update":
      _ = try requireGroup(group, in: state)
      guard
        let index = state.disks.firstIndex(where: {
          Self.same($0.resourceGroup, group) && Self.same($0.name, name)
        })
      else { throw Self.notFound(ResourceType.disk, target) }
      apply(&state.disks[index].tags)
      return SimulatorResponse(
        diskJSON(state.disks[index], state, at: call.now), duration: Self.waited(call))
    default:
      guard
        let index = state.storageAccounts.firstIndex(where: {
          (group.isEmpty || Self.same($0.resourceGroup, group)) && Self.same($0.name, name)
        })
      else { throw Self.notFound(ResourceType.storageAccount, target) }
      apply(&state.storageAccounts[index].tags)
      return SimulatorResponse(
        storageJSON(state.storageAccounts[index], at: call.now), duration: Self.waited(call))
    }
  }

  private static func unmodelledUpdate(_ expression: String) -> SimulatorFailure {
    .usage(
      "'\(expression)': the azlin simulator models only tags.KEY in --set and --remove of az … update."
    )
  }
}
