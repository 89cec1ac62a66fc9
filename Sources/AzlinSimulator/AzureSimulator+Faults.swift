import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// The failure an injected fault rule produces for this command.
  func fault(
    _ rule: SimulatorFaultPlan.Rule, _ invocation: SimulatorInvocation, state: SimulatorState,
    now: Date
  )
    -> SimulatorFailure
  {
    let words = invocation.spec.words
    let type: String
    switch words.first {
    case "vm": type = ResourceType.virtualMachine
    case "disk": type = ResourceType.disk
    case "storage": type = ResourceType.storageAccount
    case "network": type = ResourceType.virtualNetwork
    default: type = "Microsoft.Resources/resourceGroups"
    }
    let group =
      invocation.string("--resource-group") ?? invocation.string("--name").flatMap {
        words.first == "group" ? $0 : nil
      }
      ?? ""
    let context = SimulatorFaultPlan.FaultContext(
      name: invocation.string("--vm-name") ?? invocation.string("--name") ?? "",
      group: group,
      location: invocation.string("--location").flatMap { catalog.normalizeRegion($0) }
        ?? state.groups.first(where: { Self.same($0.name, group) })?.location ?? "eastus",
      size: invocation.string("--size") ?? "Standard_DS1_v2",
      resourceType: type, subscription: Self.subscriptionID, timestamp: Timestamp.string(now))
    return .azure(rule.code, SimulatorFaultPlan.message(for: rule.code, context))
  }
}
