import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// `az vm start|stop|deallocate|restart`: changes the power state; prints nothing.
  ///
  /// A stopped VM keeps its compute allocated (and billed); a deallocated one does not. Both
  /// still count against vCPU quota. Restarting needs a running VM.
  func vmPower(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    let verb = call.invocation.spec.words[1]
    let (operation, interim, final): (String, String, String)
    switch verb {
    case "start": (operation, interim, final) = ("start", "VM starting", "running")
    case "stop": (operation, interim, final) = ("powerOff", "VM stopping", "stopped")
    case "deallocate":
      (operation, interim, final) = ("deallocate", "VM deallocating", "deallocated")
    default: (operation, interim, final) = ("restart", "VM starting", "running")
    }
    for target in try targets(call) {
      let vm = try findVM(target, in: state)
      let index = vmIndex(target, in: state)!
      try Self.checkNotDeleting(vm, operation: operation)
      try Self.busyConflict(operation, kind: "VM", name: vm.name, busy: vm.busy, at: call.now)
      if verb == "restart", vm.powerState != "running" {
        throw SimulatorFailure.azure(
          "OperationNotAllowed",
          "Operation 'restart' is not allowed on VM '\(vm.name)' since the VM is \(vm.powerState). Start the VM first."
        )
      }
      if verb == "stop", vm.powerState == "deallocated" { continue }
      state.virtualMachines[index].powerState = final
      state.virtualMachines[index].busy = SimulatorBusyState(
        operation: operation, until: Self.completion(call), provisioningState: "Updating",
        powerState: interim)
    }
    return SimulatorResponse(nil, duration: Self.waited(call))
  }

  /// `az vm resize --size`: only to a size the VM's region offers, within quota; prints the VM.
  func vmResize(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    let targets = try self.targets(call)
    var results: [JSONValue] = []
    var warnings: [String] = []
    var changed = false
    for target in targets {
      let vm = try findVM(target, in: state)
      let index = vmIndex(target, in: state)!
      try Self.checkNotDeleting(vm, operation: "resize")
      try Self.busyConflict("resize", kind: "VM", name: vm.name, busy: vm.busy, at: call.now)
      let size = try offeredSize(call.string("--size")!, in: vm.location)
      if size.name == vm.size {
        warnings.append("VM is already \(size.name)")
        continue
      }
      try checkQuota(
        for: size, in: vm.location, state,
        replacing: SimulatorTarget(group: vm.resourceGroup, name: vm.name),
        code: "OperationNotAllowed")
      let dataDisks = vm.dataDisks.count
      if dataDisks > Self.maxDataDiskCount(size) {
        throw SimulatorFailure.azure(
          "OperationNotAllowed",
          "The maximum number of data disks allowed to be attached to a VM of this size is \(Self.maxDataDiskCount(size))."
        )
      }
      state.virtualMachines[index].size = size.name
      state.virtualMachines[index].busy = SimulatorBusyState(
        operation: "resize", until: Self.completion(call), provisioningState: "Updating",
        powerState: vm.powerState == "running" ? "VM starting" : nil)
      changed = true
      results.append(
        vmJSON(
          state.virtualMachines[index], state, details: false,
          at: call.now.addingTimeInterval(Self.duration(of: "vm resize"))))
    }
    let duration = changed ? Self.waited(call) : Self.readDuration
    if call.has("--no-wait") || results.isEmpty {
      return SimulatorResponse(nil, duration: duration, warnings: warnings)
    }
    return SimulatorResponse(
      results.count == 1 ? results[0] : .array(results), duration: duration, warnings: warnings)
  }

  /// `az vm list-sizes --location`: the sizes the region offers.
  func vmListSizes(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse
  {
    let region = try self.region(
      call.string("--location")!, resourceType: "Microsoft.Compute/locations/vmSizes")
    let sizes = catalog.sizesOffered(in: region).map { size -> JSONValue in
      .object([
        ("maxDataDiskCount", .number(Double(Self.maxDataDiskCount(size)))),
        ("memoryInMb", .number((size.memoryGB * 1024).rounded())),
        ("name", .string(size.name)),
        ("numberOfCores", .number(Double(size.vCPUs))),
        ("osDiskSizeInMb", 1_047_552),
        ("resourceDiskSizeInMb", .number(Double(size.vCPUs * 8192))),
      ])
    }
    return SimulatorResponse(.array(sizes), duration: Self.readDuration)
  }
}
