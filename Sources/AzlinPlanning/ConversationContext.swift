import AzlinAzure
import Foundation

/// What the conversation has mentioned so far, so "it", "that vm" and "also" resolve.
public struct ConversationContext: Equatable, Sendable {
  /// The VMs the last turn was about (one for "it", several for "them").
  public var vms: [String] = []
  /// The group last mentioned or used.
  public var resourceGroup: String?
  /// The region last mentioned or used.
  public var region: String?
  /// The size last mentioned or used.
  public var size: String?
  /// The storage account last created or mentioned.
  public var storage: String?
  /// The disk last created or mentioned.
  public var disk: String?
  /// The VMs in the order the conversation met them (listed, created, named), for "the second
  /// one", "the other one" and "the rest".
  public var ordered: [String] = []
  /// How many VMs the last create or price question was about ("create them").
  public var count: Int?
  /// The kind of the last request, for "and the storage accounts" and "another one".
  public var lastKind: IntentKind?
  /// The VMs created in this conversation, oldest first, for "the last one I made" and "the new one".
  public var created: [String] = []
  /// The snapshot last taken or mentioned ("delete that snapshot").
  public var snapshot: String?
  /// What the last turn weighed without making it: a price asked for a size ("how much is a
  /// D8s v3 in westus2"), a create previewed or refused. "ok create one called heavy" takes its
  /// size (and region, when the line names none); the next request remembered forgets it.
  public var weighed: IntentParameters?

  public init() {}

  /// True when nothing is remembered.
  public var isEmpty: Bool { self == ConversationContext() }

  /// Remembers what `intent` was about.
  public mutating func remember(_ intent: Intent) {
    let p = intent.parameters
    lastKind = intent.kind
    weighed = Self.weighs(intent) ? p : nil
    if intent.kind == .provisionVM || intent.kind == .costReport { count = p.count }
    switch intent.kind {
    case .createResourceGroup, .deleteResourceGroup:
      if let name = p.names.first { resourceGroup = name }
    case .createStorage, .deleteStorage, .listStorage:
      if let name = p.names.first { storage = name }
      if let g = p.resourceGroup { resourceGroup = g }
    case .attachDisk, .detachDisk, .deleteDisk:
      if let name = p.names.first { disk = name }
      if let vm = p.vm { vms = [vm] }
    case .createSnapshot, .deleteSnapshot, .listSnapshots, .restoreSnapshot:
      rememberSnapshot(intent)
    default:
      if !p.names.isEmpty {
        vms = p.names
        meet(p.names)
      }
      if let g = p.resourceGroup { resourceGroup = g }
    }
    if let r = p.region { region = r }
    if let s = p.size { size = s }
  }

  /// True for a turn that weighs a new VM without making it: a price with a size, a create
  /// asked about.
  static func weighs(_ intent: Intent) -> Bool {
    switch intent.kind {
    case .costReport: return intent.parameters.size != nil && intent.parameters.names.isEmpty
    case .provisionVM: return intent.parameters.hypothetical
    default: return false
    }
  }

  /// Remembers a create that was previewed, refused (too many, over quota) or asked about: what
  /// it weighed stays for the next create ("ok, 4 then, named hack1 to hack4"); nothing else
  /// changes — a refused region or size never becomes the conversation's.
  public mutating func remember(weighed intent: Intent) {
    guard intent.kind == .provisionVM else { return }
    var p = intent.parameters
    p.hypothetical = false
    weighed = p
  }

  /// Adds `names` to the order the conversation met VMs in (once each).
  public mutating func meet(_ names: [String]) {
    for n in names where !ordered.contains(where: { $0.lowercased() == n.lowercased() }) {
      ordered.append(n)
    }
  }

  /// Remembers a listing: its VMs, in the order shown, are what "the second one" counts in.
  public mutating func remember(listed names: [String]) {
    guard !names.isEmpty else { return }
    ordered = names
    if names.count == 1 { vms = names }
  }

  /// Forgets the VMs and the group that no longer exist, so "it" never names something gone.
  public mutating func forgetMissing(in live: LiveState) {
    vms.removeAll { live.vms(named: $0).isEmpty }
    ordered.removeAll { live.vms(named: $0).isEmpty }
    created.removeAll { live.vms(named: $0).isEmpty }
    if let g = resourceGroup, live.group(named: g) == nil { resourceGroup = nil }
    if let s = storage, live.storageAccounts(named: s).isEmpty { storage = nil }
    if let d = disk, !live.disks.contains(where: { $0.name.lowercased() == d.lowercased() }) {
      disk = nil
    }
    if let s = snapshot, live.snapshots(named: s).isEmpty { snapshot = nil }
  }

  /// Remembers what a carried-out plan created: "create 3 vms" then "stop them".
  public mutating func remember(created plan: Plan) {
    let vmNames = plan.steps.compactMap { step -> String? in
      if case .createVM = step.operation { return step.resource.name }
      return nil
    }
    if !vmNames.isEmpty {
      vms = vmNames
      meet(vmNames)
      created.append(contentsOf: vmNames)
    }
    for step in plan.steps {
      switch step.operation {
      case .createStorage: storage = step.resource.name
      case .createDisk: disk = step.resource.name
      case .createGroup: resourceGroup = step.resource.name
      case .createSnapshot: snapshot = step.resource.name
      case .createDiskFromSnapshot: disk = step.resource.name
      default: break
      }
    }
  }

  /// One line for `/state`: what "it" refers to now.
  public var summary: String? {
    var parts: [String] = []
    if vms.count == 1 { parts.append("it = VM \(vms[0])") }
    if vms.count > 1 { parts.append("them = VMs \(vms.joined(separator: ", "))") }
    if let g = resourceGroup { parts.append("group \(g)") }
    if let r = region { parts.append("region \(r)") }
    if let s = size { parts.append("size \(s)") }
    if let s = storage { parts.append("storage \(s)") }
    if let d = disk { parts.append("disk \(d)") }
    if let s = snapshot { parts.append("snapshot \(s)") }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }
}
