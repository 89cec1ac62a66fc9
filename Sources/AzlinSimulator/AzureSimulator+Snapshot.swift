import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// What exists, read straight from the simulator's state in one read: the same facts
  /// `group list`, `vm list -d`, `storage account list`, `disk list` and `snapshot list` print, without
  /// rendering and parsing their JSON (500 VMs make megabytes of it).
  /// - Throws: `SimulatorFailure` when the state file cannot be read.
  public func snapshot() throws -> LiveState {
    let now = clock.now
    var state = try lock.withLock { try stateCache.load(from: statePath) }
    state.settle(at: now)
    var live = LiveState()
    live.groups = state.groups.map {
      var group = LiveState.Group(name: $0.name, location: $0.location)
      group.tags = $0.tags ?? [:]
      return group
    }
    live.vms = state.virtualMachines.map { vm in
      let busy = vm.busy.flatMap { $0.isActive(at: now) ? $0 : nil }
      var power = busy?.powerState ?? Self.powerStateText(vm.powerState)
      if power.hasPrefix("VM ") { power = String(power.dropFirst(3)) }
      var live = LiveState.VM(
        name: vm.name, resourceGroup: vm.resourceGroup, location: vm.location, size: vm.size,
        powerState: power,
        id: Self.resourceID(ResourceType.virtualMachine, group: vm.resourceGroup, name: vm.name),
        provisioningState: busy?.provisioningState ?? "Succeeded")
      live.tags = vm.tags
      live.publicIP = vm.publicIpAddress
      live.securityGroup = vm.securityGroup
      live.autoShutdownUTC = vm.autoShutdownUTC
      return live
    }
    live.securityGroups = state.securityGroups.map { nsg in
      LiveState.SecurityGroup(
        name: nsg.name, resourceGroup: nsg.resourceGroup, location: nsg.location,
        rules: nsg.rules.map {
          LiveState.SecurityRule(
            name: $0.name, priority: $0.priority, direction: $0.direction, access: $0.access,
            networkProtocol: $0.networkProtocol, ports: $0.destinationPortRanges,
            sources: $0.sourceAddressPrefixes)
        })
    }
    live.storageAccounts = state.storageAccounts.map {
      var account = LiveState.StorageAccount(
        name: $0.name, resourceGroup: $0.resourceGroup, location: $0.location, sku: $0.sku,
        provisioningState: $0.busy.flatMap { $0.isActive(at: now) ? $0.provisioningState : nil }
          ?? "Succeeded")
      account.tags = $0.tags
      return account
    }
    live.disks = state.disks.map {
      var disk = LiveState.Disk(
        name: $0.name, resourceGroup: $0.resourceGroup, sizeGB: $0.sizeGb, sku: $0.sku,
        managedBy: $0.managedBy,
        provisioningState: $0.busy.flatMap { $0.isActive(at: now) ? $0.provisioningState : nil }
          ?? "Succeeded")
      disk.tags = $0.tags
      return disk
    }
    live.snapshots = liveSnapshots(state, at: now)
    return live
  }
}
