import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// `az vm disk attach`: attaches an existing managed disk (by name or ID), or with `--new`
  /// creates one; prints the VM. A disk belongs to one VM at a time (its `managedBy`), must be
  /// in the VM's region, and the VM's size limits how many data disks it takes.
  func vmDiskAttach(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    var diskRefs = call.strings("--disks") ?? []
    if let single = call.string("--name") { diskRefs.insert(single, at: 0) }
    guard !diskRefs.isEmpty else {
      throw SimulatorFailure.usage("usage error: --name/-n/--disk or --disks is required")
    }
    if call.has("--new"), call.int("--size-gb") == nil {
      throw SimulatorFailure.usage(
        "usage error: --size-gb is required to create an empty disk for attach")
    }
    var printed: [JSONValue] = []
    for target in try targets(call, nameKey: "--vm-name") {
      let vm = try findVM(target, in: state)
      let vmIndex = self.vmIndex(target, in: state)!
      try Self.checkNotDeleting(vm, operation: "attachDisk")
      try Self.busyConflict("attachDisk", kind: "VM", name: vm.name, busy: vm.busy, at: call.now)
      let vmID = Self.resourceID(
        ResourceType.virtualMachine, group: vm.resourceGroup, name: vm.name)
      for (offset, reference) in diskRefs.enumerated() {
        let diskTarget =
          reference.hasPrefix("/")
          ? try Self.parseID(reference) : SimulatorTarget(group: vm.resourceGroup, name: reference)
        var diskIndex = state.disks.firstIndex {
          Self.same($0.resourceGroup, diskTarget.group) && Self.same($0.name, diskTarget.name)
        }
        if call.has("--new") {
          if diskIndex != nil {
            throw SimulatorFailure.azure(
              "Conflict",
              "A disk named '\(diskTarget.name)' already exists in resource group '\(diskTarget.group)'; "
                + "attach it without --new.")
          }
          try validateName(diskTarget.name, as: .disk)
          try Self.checkDiskSize(call.int("--size-gb")!)
          state.disks.append(
            SimulatedDisk(
              name: diskTarget.name, resourceGroup: diskTarget.group, location: vm.location,
              sizeGb: call.int("--size-gb")!,
              sku: call.string("--sku")
                ?? (Self.supportsPremiumStorage(catalog.vmSize(named: vm.size)!)
                  ? "Premium_LRS" : "Standard_LRS"),
              managedBy: nil, osType: nil, createOption: "Empty", imageReferenceId: nil, tags: [:],
              timeCreated: Self.azureTimestamp(call.now), uniqueId: ids.next(), busy: nil,
              deletingAt: nil))
          diskIndex = state.disks.count - 1
        }
        guard let index = diskIndex else { throw Self.notFound(ResourceType.disk, diskTarget) }
        let disk = state.disks[index]
        let diskID = Self.resourceID(ResourceType.disk, group: disk.resourceGroup, name: disk.name)
        if let owner = disk.managedBy {
          throw SimulatorFailure.azure(
            "ConflictingUserInput",
            "Disk '\(diskID)' cannot be attached as the disk is already owned by VM '\(owner)'.")
        }
        if disk.deletingAt != nil {
          throw Self.notFound(ResourceType.disk, diskTarget)
        }
        guard disk.location == vm.location else {
          throw SimulatorFailure.azure(
            "InvalidParameter",
            "Disk '\(disk.name)' is in location '\(disk.location)' but VM '\(vm.name)' is in '\(vm.location)'; "
              + "a data disk must be in the VM's region.")
        }
        let current = state.virtualMachines[vmIndex].dataDisks
        if let size = catalog.vmSize(named: vm.size), current.count >= Self.maxDataDiskCount(size) {
          throw SimulatorFailure.azure(
            "OperationNotAllowed",
            "The maximum number of data disks allowed to be attached to a VM of this size is \(Self.maxDataDiskCount(size))."
          )
        }
        let usedLuns = Set(current.map(\.lun))
        let lun: Int
        if let asked = call.int("--lun") {
          lun = asked + offset
          if usedLuns.contains(lun) {
            throw SimulatorFailure.azure(
              "InvalidParameter",
              "A disk at LUN \(lun) already exists on VM '\(vm.name)'; choose another --lun.")
          }
        } else {
          lun = (0...).first { !usedLuns.contains($0) }!
        }
        state.disks[index].managedBy = vmID
        state.virtualMachines[vmIndex].dataDisks.append(
          SimulatedDataDisk(
            lun: lun, diskName: disk.name, diskResourceGroup: disk.resourceGroup,
            caching: call.string("--caching") ?? "None",
            createOption: call.has("--new") ? "Empty" : "Attach",
            deleteOption: "Detach"))
      }
      printed.append(markUpdating(vmIndex, for: "attachDisk", in: &state, call: call))
    }
    return SimulatorResponse(
      printed.count == 1 ? printed[0] : .array(printed), duration: Self.waited(call))
  }

  /// `az vm disk detach`: the disk stays, unattached; prints the VM.
  func vmDiskDetach(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    let diskName = call.string("--name")!
    var printed: [JSONValue] = []
    for target in try targets(call, nameKey: "--vm-name") {
      let vm = try findVM(target, in: state)
      let vmIndex = self.vmIndex(target, in: state)!
      try Self.checkNotDeleting(vm, operation: "detachDisk")
      try Self.busyConflict("detachDisk", kind: "VM", name: vm.name, busy: vm.busy, at: call.now)
      guard let attachment = vm.dataDisks.first(where: { Self.same($0.diskName, diskName) }) else {
        throw SimulatorFailure.client("No disk with the name '\(diskName)' was found")
      }
      state.virtualMachines[vmIndex].dataDisks.removeAll { Self.same($0.diskName, diskName) }
      if let index = state.disks.firstIndex(where: {
        Self.same($0.resourceGroup, attachment.diskResourceGroup)
          && Self.same($0.name, attachment.diskName)
      }) {
        state.disks[index].managedBy = nil
      }
      printed.append(markUpdating(vmIndex, for: "detachDisk", in: &state, call: call))
    }
    return SimulatorResponse(
      printed.count == 1 ? printed[0] : .array(printed), duration: Self.waited(call))
  }

  /// Marks the VM as updating until the disk operation completes, and returns its JSON as az prints it then.
  private func markUpdating(
    _ vmIndex: Int, for operation: String, in state: inout SimulatorState, call: SimulatorCall
  ) -> JSONValue {
    state.virtualMachines[vmIndex].busy = SimulatorBusyState(
      operation: operation, until: Self.completion(call), provisioningState: "Updating",
      powerState: nil)
    return vmJSON(
      state.virtualMachines[vmIndex], state, details: false,
      at: Date(timeIntervalSince1970: Self.completion(call)))
  }
}
