import AzlinCore
import Foundation

/// One thing the user asked for, in structured form.
///
/// Both the local parser and an LLM produce intents; an LLM's reply is untrusted data
/// and may only select one of these known operations.
public struct Intent: Equatable, Sendable {
  /// The operation.
  public var kind: IntentKind
  /// What the operation applies to and how.
  public var parameters: IntentParameters
  /// How sure the parser is, 0–1; below 0.7 the shell asks before planning.
  public var confidence: Double
  /// What the parser understood, in a few words.
  public var explanation: String

  public init(
    kind: IntentKind, parameters: IntentParameters = IntentParameters(), confidence: Double = 1,
    explanation: String = ""
  ) {
    self.kind = kind
    self.parameters = parameters
    self.confidence = confidence
    self.explanation = explanation
  }
}

/// The operations azlin knows.
public enum IntentKind: String, Sendable, CaseIterable {
  case provisionVM = "provision_vm"
  case listVMs = "list_vms"
  case showVM = "show_vm"
  case deleteVM = "delete_vm"
  case startVM = "start_vm"
  case stopVM = "stop_vm"
  case deallocateVM = "deallocate_vm"
  case restartVM = "restart_vm"
  case resizeVM = "resize_vm"
  case createResourceGroup = "create_resource_group"
  case listResourceGroups = "list_resource_groups"
  case deleteResourceGroup = "delete_resource_group"
  case costReport = "cost_report"
  case createStorage = "create_storage"
  case listStorage = "list_storage"
  case deleteStorage = "delete_storage"
  case attachDisk = "attach_disk"
  case detachDisk = "detach_disk"
  case deleteDisk = "delete_disk"
  case createSnapshot = "create_snapshot"
  case listSnapshots = "list_snapshots"
  case deleteSnapshot = "delete_snapshot"
  case restoreSnapshot = "restore_snapshot"
  case openPort = "open_port"
  case closePort = "close_port"
  case listPorts = "list_ports"
  case setAutoShutdown = "set_auto_shutdown"
  case clearAutoShutdown = "clear_auto_shutdown"
  case showAutoShutdown = "show_auto_shutdown"
  case setTag = "set_tag"
  case removeTag = "remove_tag"
  case listTagged = "list_tagged"
  case connectVM = "connect_vm"
  case runCommand = "run_command"

  /// What the operation does, in a few words ("create VMs"): the start of an intent's explanation.
  public var phrase: String {
    switch self {
    case .provisionVM: return "create VMs"
    case .listVMs: return "list VMs"
    case .showVM: return "show a VM"
    case .deleteVM: return "delete VMs"
    case .startVM: return "start VMs"
    case .stopVM: return "stop VMs"
    case .deallocateVM: return "deallocate VMs"
    case .restartVM: return "restart VMs"
    case .resizeVM: return "resize"
    case .createResourceGroup: return "create a resource group"
    case .listResourceGroups: return "list resource groups"
    case .deleteResourceGroup: return "delete a resource group"
    case .costReport: return "estimate cost"
    case .createStorage: return "create a storage account"
    case .listStorage: return "list storage accounts"
    case .deleteStorage: return "delete a storage account"
    case .attachDisk: return "add a data disk"
    case .detachDisk: return "detach a data disk"
    case .deleteDisk: return "delete a disk"
    case .createSnapshot: return "snapshot a disk"
    case .listSnapshots: return "list snapshots"
    case .deleteSnapshot: return "delete a snapshot"
    case .restoreSnapshot: return "make a disk from a snapshot"
    case .openPort: return "open a port"
    case .closePort: return "close a port"
    case .listPorts: return "list open ports"
    case .setAutoShutdown: return "set a daily auto-shutdown"
    case .clearAutoShutdown: return "turn off auto-shutdown"
    case .showAutoShutdown: return "show auto-shutdown"
    case .setTag: return "tag"
    case .removeTag: return "remove a tag"
    case .listTagged: return "list what is tagged"
    case .connectVM: return "connect to a VM"
    case .runCommand: return "run a command on a VM"
    }
  }

  /// True for operations that only read.
  public var isReadOnly: Bool {
    switch self {
    case .listVMs, .showVM, .listResourceGroups, .costReport, .listStorage, .listPorts,
      .showAutoShutdown, .listTagged, .connectVM, .listSnapshots:
      return true
    default: return false
    }
  }
}

/// The parameters an intent may carry; `nil` means "not said".
public struct IntentParameters: Equatable, Sendable {
  /// The resource names the request names (VMs for VM operations, the group for group operations).
  public var names: [String] = []
  /// How many resources to create when no names are given.
  public var count: Int?
  /// The resource group.
  public var resourceGroup: String?
  /// The region, normalised (`westeurope`).
  public var region: String?
  /// The VM size, canonical (`Standard_D4s_v3`).
  public var size: String?
  /// The image alias or URN.
  public var image: String?
  /// A power-state filter (`running`, `stopped`, `deallocated`) for "all stopped ones".
  public var powerState: String?
  /// True when the request means every matching resource ("all", "everything").
  public var all = false
  /// Which pronoun or context word the names came from ("it", "them"), for the explanation.
  public var fromContext: String?
  /// A disk's size in GiB.
  public var sizeGB: Int?
  /// A disk tier (`Premium_LRS`, `StandardSSD_LRS`, `Standard_LRS`) or a storage account SKU.
  public var sku: String?
  /// The VM a disk is for ("a 64 GB disk for it").
  public var vm: String?
  /// "bigger" or "smaller", for a resize without a size ("make it bigger").
  public var sizeChange: String?
  /// Words that were read as a close live name (typos), as typed.
  public var corrections: [String] = []
  /// Names the request leaves out ("all but web3", "except db", "but keep sam"): VMs, or groups
  /// whose VMs are left out.
  public var excluded: [String] = []
  /// True for a question or hypothetical about an operation ("what happens if I deallocate sam",
  /// "how do I stop it"): it is answered, and may be previewed, but never carried out.
  public var hypothetical = false
  /// More VMs a disk operation is for, each getting its own disk ("a 64 GB disk on both").
  public var alsoFor: [String] = []
  /// What a size was chosen for when it was asked by vCPUs or memory ("8 vcpus and 32 gb").
  public var looseSize: LooseSize?
  /// Which disk a snapshot is taken of: a disk's name, or `os` / `data` for the VM's (in `vm`)
  /// OS disk or its data disk.
  public var disk: String?
  /// The snapshot a disk is made from (`restore_snapshot`).
  public var snapshot: String?
  /// A port or port range (`8080`, `8000-8100`) to open or close.
  public var ports: String?
  /// Where traffic may come from: a CIDR or `*` for everyone ("from 10.0.0.0/8").
  public var source: String?
  /// A daily time as `HH:MM` on a 24-hour clock, in `timeZone` ("every day at 7pm").
  public var time: String?
  /// The time zone `time` is in (an IANA identifier or an abbreviation as said: `UTC`, `CET`).
  public var timeZone: String?
  /// Tags to set (`env` → `dev`) or, for `remove_tag`, the keys to remove (values empty);
  /// for `list_tagged` and change requests, the tag that selects what they apply to.
  public var tags: [String: String] = [:]
  /// True for "what's costing me the most": what exists, ranked by its monthly run-rate.
  public var ranking = false
  /// The tag that selects resources ("everything tagged env=dev", "owned by alice" → owner=alice).
  public var tagFilter: String?
  /// The shell command line a `run_command` intent runs inside the VM ("df -h"), as typed.
  public var script: String?

  public init() {}
}

extension Intent {
  /// The same intent asked for, not asked about: what "do it" carries out after a preview.
  public var asked: Intent {
    var i = self
    i.parameters.hypothetical = false
    return i
  }

  /// The intent as the JSON that LLM backends produce and the audit log records.
  public var json: JSONValue {
    var params: [(String, JSONValue)] = []
    if !parameters.names.isEmpty { params.append(("names", .strings(parameters.names))) }
    if let c = parameters.count { params.append(("count", .number(Double(c)))) }
    if let g = parameters.resourceGroup { params.append(("resource_group", .string(g))) }
    if let r = parameters.region { params.append(("region", .string(r))) }
    if let s = parameters.size { params.append(("size", .string(s))) }
    if let i = parameters.image { params.append(("image", .string(i))) }
    if let p = parameters.powerState { params.append(("power_state", .string(p))) }
    if let g = parameters.sizeGB { params.append(("size_gb", .number(Double(g)))) }
    if let s = parameters.sku { params.append(("sku", .string(s))) }
    if let v = parameters.vm { params.append(("vm", .string(v))) }
    if let d = parameters.disk { params.append(("disk", .string(d))) }
    if let s = parameters.snapshot { params.append(("snapshot", .string(s))) }
    if parameters.all { params.append(("all", .bool(true))) }
    if !parameters.excluded.isEmpty { params.append(("except", .strings(parameters.excluded))) }
    if let p = parameters.ports { params.append(("ports", .string(p))) }
    if let s = parameters.source { params.append(("source", .string(s))) }
    if let t = parameters.time { params.append(("time", .string(t))) }
    if let z = parameters.timeZone { params.append(("time_zone", .string(z))) }
    if !parameters.tags.isEmpty {
      params.append(
        (
          "tags",
          .object(parameters.tags.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
        ))
    }
    if let f = parameters.tagFilter { params.append(("tagged", .string(f))) }
    if parameters.hypothetical { params.append(("mood", .string("question"))) }
    if let s = parameters.script { params.append(("script", .string(s))) }
    return .object([
      ("intent", .string(kind.rawValue)), ("parameters", .object(params)),
      ("confidence", .number((confidence * 100).rounded() / 100)),
      ("explanation", .string(explanation)),
    ])
  }
}

/// A size asked for by what it holds rather than by name.
public struct LooseSize: Equatable, Sendable {
  public var vCPUs: Int?
  public var memoryGB: Double?

  public init(vCPUs: Int?, memoryGB: Double?) {
    self.vCPUs = vCPUs
    self.memoryGB = memoryGB
  }
}
