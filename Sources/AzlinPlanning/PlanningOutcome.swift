import AzlinAzure
import Foundation

/// What the planner made of a request.
public enum PlanningOutcome: Equatable, Sendable {
  /// Steps to approve and run.
  case plan(Plan)
  /// Nothing to change; `notes` say why ("sam is already stopped").
  case nothingToDo([PlanNote])
  /// A read-only answer.
  case report(Report)
  /// The request is ambiguous: ask, and plan again with the answer.
  case question(PendingQuestion)
  /// The request cannot be planned.
  case refused(PlanProblem)
}

/// A read-only answer computed from live state.
public enum Report: Equatable, Sendable {
  case vms([LiveState.VM], filter: String?)
  case vm(LiveState.VM)
  case groups([LiveState.Group])
  case cost(CostQuestion)
  case storageAccounts([LiveState.StorageAccount])
  case snapshots([LiveState.Snapshot])
  /// The inbound rules open on each VM.
  case ports([VMPorts])
  /// Each VM's auto-shutdown, shown in `timeZone`.
  case autoShutdown([LiveState.VM], timeZone: String)
  /// What carries a tag (`key` or `key=value`).
  case tagged(String, [TaggedResource])
  /// How to connect to a VM: the shell reads its address and admin user (`vm show -d`).
  case connect(LiveState.VM)
}

/// The inbound allow rules of one VM.
public struct VMPorts: Equatable, Sendable {
  public var vm: LiveState.VM
  public var rules: [LiveState.SecurityRule]

  public init(vm: LiveState.VM, rules: [LiveState.SecurityRule]) {
    self.vm = vm
    self.rules = rules
  }
}

/// A resource a tag filter found, as a list shows it.
public struct TaggedResource: Equatable, Sendable {
  /// `VM`, `group`, `disk` or `storage account`.
  public var kind: String
  public var name: String
  public var resourceGroup: String
  public var value: String

  public init(kind: String, name: String, resourceGroup: String, value: String) {
    self.kind = kind
    self.name = name
    self.resourceGroup = resourceGroup
    self.value = value
  }
}

/// A cost question: what VMs of a size would cost, or what exists costs.
public struct CostQuestion: Equatable, Sendable {
  public var count: Int
  public var size: String?
  public var region: String
  public var vmNames: [String]
  /// True when the question is which things cost the most.
  public var ranking = false

  public init(count: Int, size: String?, region: String, vmNames: [String], ranking: Bool = false) {
    self.count = count
    self.size = size
    self.region = region
    self.vmNames = vmNames
    self.ranking = ranking
  }
}

/// A question the shell asks, and how to continue once it is answered.
public struct PendingQuestion: Equatable, Sendable {
  /// What is asked.
  public enum Kind: Equatable, Sendable {
    /// "Which VM: a, b or c?" — the answer is a name, a number, "all" or "cancel".
    case whichVM(options: [String])
    /// "sam exists — use sam-2?" — the answer is yes or no.
    case useOtherName(taken: String, suggestion: String)
    /// "I understood …; go ahead?" — low confidence.
    case confirmUnderstanding
    /// "Try Standard_B2s (2 vCPUs) at $30.37/month instead? [y/n]" — the size asked for cannot be had.
    case offerSize(size: String, monthly: String, vCPUs: Int)
    /// "Resource group demo is gone. Plan again, creating it first? [y/n]" — something the plan
    /// relied on disappeared while it ran.
    case planAgain(missing: String)
  }

  public var kind: Kind
  /// The intents to plan again once answered (the answer fills in what was missing).
  public var intents: [Intent]
  /// Which of `intents` the question is about.
  public var intentIndex: Int
  /// What the answer to a "which VM" question fills in: the VMs to act on, or the VM a disk is for.
  public var answerFills = AnswerTarget.names

  /// Where the answer goes.
  public enum AnswerTarget: Equatable, Sendable { case names, diskVM }

  public init(kind: Kind, intents: [Intent], intentIndex: Int) {
    self.kind = kind
    self.intents = intents
    self.intentIndex = intentIndex
  }
}

/// Why a request cannot be planned.
public enum PlanProblem: Equatable, Sendable {
  case invalidName(String)
  case vmNotFound(String, group: String?)
  case groupNotFound(String)
  case unknownSize(String)
  case sizeNotOffered(size: String, region: String, alternatives: [String])
  case unknownRegion(String)
  case noVMs
  case nothingNamed(String)
  case tooMany(Int)
  case noRelativeSize(vm: String, change: String, from: String)
  case storageNotFound(String)
  case diskNotFound(String)
  case storageNameTaken(String)
  case diskAttached(disk: String, vm: String)
  case noDiskOn(vm: String)
  case badDiskSize(Int)
  /// A name the request leaves out ("all but web9") that does not exist.
  case exclusionNotFound(String)
  case snapshotNotFound(String)
  /// A snapshot (or disk, from a snapshot) whose name is taken in its group.
  case nameTaken(kind: String, name: String)
  /// A snapshot asked of a VM's data disk when it has none, or of "its data disk" with several.
  case whichDataDisk(vm: String, disks: [String])
  /// "3 vms named web": a count that the names given do not fill.
  case countAgainstNames(Int, names: [String])
  /// A port or range outside 1–65535, or not a number.
  case badPort(String)
  /// A source that is neither `*` nor an IPv4 address or CIDR.
  case badSource(String)
  /// The VM has no security group on its NIC azlin can add a rule to.
  case noSecurityGroup(vm: String)
  /// The port is open through a rule that also opens other ports, or a wider range.
  case portInSharedRule(vm: String, ports: String, rule: String, opens: [String])
  /// A time azlin cannot read ("25:00"), or a zone it does not know.
  case badTime(String)
  case unknownTimeZone(String)
  /// A tag key or value Azure would refuse, or azlin's own `managed-by`.
  case badTag(String)
  case reservedTag(String)
  /// A command to run inside a VM that is not running (its power state).
  case notRunning(vm: String, state: String)
  /// An image azlin knows no alias for and that is not a URN.
  case unknownImage(String)
  /// A Windows image: azlin's VMs are Linux.
  case windowsImage(String)
}
