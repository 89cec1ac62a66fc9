import AzlinAzure
import Foundation

extension SimulatorState {
  /// Completes every operation whose modelled time has passed at `now`.
  ///
  /// Deletions finish (a group takes everything in it; a VM leaves its disks per their delete
  /// option), and finished operations stop showing their interim state.
  mutating func settle(at now: Date) {
    let t = now.timeIntervalSince1970
    func due(_ at: Double?) -> Bool { at.map { $0 <= t } ?? false }
    func done(_ busy: SimulatorBusyState?) -> SimulatorBusyState? {
      busy.flatMap { $0.until <= t ? nil : $0 }
    }
    settleSnapshots(at: now)

    let doomedGroups = Set(groups.filter { due($0.deletingAt) }.map { $0.name.lowercased() })
    if !doomedGroups.isEmpty {
      groups.removeAll { doomedGroups.contains($0.name.lowercased()) }
      virtualMachines.removeAll { doomedGroups.contains($0.resourceGroup.lowercased()) }
      disks.removeAll { doomedGroups.contains($0.resourceGroup.lowercased()) }
      storageAccounts.removeAll { doomedGroups.contains($0.resourceGroup.lowercased()) }
      virtualNetworks.removeAll { doomedGroups.contains($0.resourceGroup.lowercased()) }
      securityGroups.removeAll { doomedGroups.contains($0.resourceGroup.lowercased()) }
    }
    for vm in virtualMachines where due(vm.deletingAt) {
      releaseDisks(of: vm)
    }
    virtualMachines.removeAll { due($0.deletingAt) }
    disks.removeAll { due($0.deletingAt) }
    storageAccounts.removeAll { due($0.deletingAt) }
    virtualNetworks.removeAll { due($0.deletingAt) }

    for i in virtualMachines.indices { virtualMachines[i].busy = done(virtualMachines[i].busy) }
    for i in disks.indices { disks[i].busy = done(disks[i].busy) }
    for i in storageAccounts.indices { storageAccounts[i].busy = done(storageAccounts[i].busy) }
    for i in virtualNetworks.indices { virtualNetworks[i].busy = done(virtualNetworks[i].busy) }
  }

  /// Detaches or deletes a deleted VM's disks, as their delete options say.
  private mutating func releaseDisks(of vm: SimulatedVirtualMachine) {
    var options = [
      (vm.resourceGroup.lowercased(), vm.osDiskName.lowercased(), vm.osDiskDeleteOption)
    ]
    options += vm.dataDisks.map {
      ($0.diskResourceGroup.lowercased(), $0.diskName.lowercased(), $0.deleteOption)
    }
    for (group, name, option) in options {
      guard
        let index = disks.firstIndex(where: {
          $0.resourceGroup.lowercased() == group && $0.name.lowercased() == name
        })
      else { continue }
      if option == "Delete" {
        disks.remove(at: index)
      } else {
        disks[index].managedBy = nil
      }
    }
  }
}
