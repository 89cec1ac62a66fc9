import AzlinAzure
import AzlinCore
import Foundation

/// The steps that carry out a request, with what they assume.
public struct Plan: Equatable, Sendable {
  /// The steps, in order; a step runs after the steps it depends on.
  public var steps: [PlanStep]
  /// Defaults the plan used because the request named none.
  public var assumptions: [Assumption]
  /// What the planner noticed and left out ("sam is already stopped").
  public var notes: [PlanNote]

  public init(steps: [PlanStep] = [], assumptions: [Assumption] = [], notes: [PlanNote] = []) {
    self.steps = steps
    self.assumptions = assumptions
    self.notes = notes
  }

  /// True when any step destroys something.
  public var hasDestroySteps: Bool { steps.contains { $0.action == .destroy } }
}

/// One step of a plan: one Azure operation with its inverse.
public struct PlanStep: Equatable, Sendable {
  /// 1-based position in the plan.
  public var number: Int
  /// Create, change or destroy: what approval it needs.
  public var action: StepAction
  /// What the step does.
  public var operation: StepOperation
  /// The resource it touches.
  public var resource: ResourceRef
  /// What it does in Azure, and to what: the step's identity, which each strategy renders.
  public var azureOperation: AzureOperation
  /// The operation that undoes it, when it can be undone.
  public var inverse: AzureOperation?
  /// Steps that must succeed first.
  public var dependsOn: [Int]
  /// What a destroy takes with it besides its own resource, as the user reads it: a group
  /// delete's VMs, disks (with their size) and storage accounts.
  public var takesAlong: [String]

  public init(
    number: Int, action: StepAction, operation: StepOperation, resource: ResourceRef,
    azureOperation: AzureOperation,
    inverse: AzureOperation?, dependsOn: [Int] = [], takesAlong: [String] = []
  ) {
    self.number = number
    self.action = action
    self.operation = operation
    self.resource = resource
    self.azureOperation = azureOperation
    self.inverse = inverse
    self.dependsOn = dependsOn
    self.takesAlong = takesAlong
  }

  /// The Azure CLI's form of the step, as plans show it.
  public var command: AzCommand { AzCommand(azureOperation) }
  /// The Azure CLI's form of the inverse.
  public var undo: AzCommand? { inverse.map(AzCommand.init) }
}

/// What kind of change a step makes.
public enum StepAction: String, Sendable {
  case create, change, destroy
}

/// The operations a step can carry out.
public enum StepOperation: Equatable, Sendable {
  case createGroup
  case deleteGroup(resourceCount: Int)
  case createVM(image: String)
  case deleteVM
  case power(AzCommand.PowerVerb, from: String)
  case resizeVM(from: String)
  case createStorage(sku: String)
  case deleteStorage
  case createDisk(sizeGB: Int, sku: String)
  case attachDisk(vm: String)
  case detachDisk(vm: String)
  case deleteDisk
  /// A snapshot of the disk `disk` (`sizeGB` GiB, billed per GB-month stored).
  case createSnapshot(disk: String, sizeGB: Int)
  case deleteSnapshot
  /// A new disk made from the snapshot `snapshot`.
  case createDiskFromSnapshot(snapshot: String, sizeGB: Int, sku: String)
  /// An inbound allow rule on a VM's security group.
  case openPort(PortRule)
  /// An inbound allow rule removed.
  case closePort(PortRule)
  /// A VM's daily auto-shutdown set (`HHMM` UTC) or turned off (`nil`), from what it was.
  case autoShutdown(utc: String?, from: String?)
  /// A tag set (`value`) or removed (`nil`), from what it was.
  case tag(key: String, value: String?, from: String?)
  /// Runs a shell command line inside a VM (`az vm run-command invoke`); it cannot be undone.
  case runCommand(script: String)
}

/// An inbound rule azlin opens or closes on a VM's network security group.
public struct PortRule: Equatable, Sendable {
  public var vm: String
  public var securityGroup: String
  public var rule: String
  /// A port or range: `8080`, `8000-8100`.
  public var ports: String
  /// `*` for everyone, or a CIDR.
  public var source: String
  public var priority: Int

  public init(
    vm: String, securityGroup: String, rule: String, ports: String, source: String, priority: Int
  ) {
    self.vm = vm
    self.securityGroup = securityGroup
    self.rule = rule
    self.ports = ports
    self.source = source
    self.priority = priority
  }

  /// True when the rule lets the whole internet in.
  public var isOpenToEveryone: Bool {
    ["*", "internet", "0.0.0.0/0", "any"].contains(source.lowercased())
  }
}

/// A resource a step touches.
public struct ResourceRef: Equatable, Sendable {
  public enum Kind: String, Sendable {
    case resourceGroup = "group"
    case virtualMachine = "vm"
    case storageAccount = "storage"
    case disk = "disk"
    /// A disk attached to a VM: `name` is the disk, `size` holds the VM's name.
    case diskAttachment = "attachment"
    /// A disk snapshot: `size` holds the disk it was taken of.
    case snapshot = "snapshot"
  }
  public var kind: Kind
  public var name: String
  public var resourceGroup: String
  public var location: String
  /// The VM size, for VMs.
  public var size: String?

  public init(
    kind: Kind, name: String, resourceGroup: String, location: String, size: String? = nil
  ) {
    self.kind = kind
    self.name = name
    self.resourceGroup = resourceGroup
    self.location = location
    self.size = size
  }
}

/// A default the planner used.
public enum Assumption: Equatable, Sendable {
  case region(String)
  case resourceGroup(String)
  case size(String)
  case image(String)
  case generatedName(String)
  case sku(String)
  case diskSize(Int)
  /// A snapshot of a VM is of its OS disk.
  case osDiskOf(String)
}

/// Something the planner noticed about the request and live state.
public enum PlanNote: Equatable, Sendable {
  case alreadyInState(vm: String, state: String)
  case groupExists(String)
  case storageExists(String)
  /// A restart asked of a VM that is not running becomes a start (Azure refuses the restart).
  case restartStarts(vm: String, state: String)
  /// A disk made from a snapshot is a new disk (for `vm`, when one was named): nothing attached
  /// is replaced.
  case restoredToNewDisk(disk: String, vm: String?)
  /// "before resizing, snapshot sam": the resize waits for a size to be named.
  case resizeNeedsSize(vm: String)
  /// The port is already open (by `rule`) to the source asked for.
  case portAlreadyOpen(vm: String, ports: String, rule: String)
  /// No inbound rule opens the port.
  case portNotOpen(vm: String, ports: String)
  /// SSH or RDP opened to the whole internet: a warning.
  case openToInternet(vm: String, port: String)
  /// The time said, and what it is in UTC, as Azure keeps it.
  case shutdownTime(vm: String, local: String, zone: String, utc: String)
  /// The VM already shuts down then, or has no auto-shutdown to turn off.
  case shutdownUnchanged(vm: String)
  /// The tag already has that value, or there is no such tag to remove.
  case tagUnchanged(name: String, key: String)
}
