import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// `az vm run-command invoke`: a simulated VM has no operating system and no VM agent, so
  /// nothing can run in it. A VM that is not running is refused as Azure refuses it; a running
  /// one fails as a VM whose agent never reports does — output is never invented.
  func vmRunCommand(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    guard let target = try targets(call).first else {
      throw SimulatorFailure.usage("the following arguments are required: --name/-n")
    }
    let vm = try findVM(target, in: state)
    try Self.checkNotDeleting(vm, operation: "runCommand")
    guard vm.powerState == "running" else {
      throw SimulatorFailure.azure(
        "OperationNotAllowed",
        "Operation 'runCommand' is not allowed on VM '\(vm.name)' since the VM is \(vm.powerState). Start the VM first."
      )
    }
    throw SimulatorFailure.azure(
      "VMAgentStatusCommunicationError",
      "VM '\(vm.name)' has not reported status for VM agent or extensions. The azlin simulator models no operating system inside its VMs, so nothing ran."
    )
  }
}
