import AzlinCore
import Foundation

/// What exists in Azure now: one snapshot, fetched with as few calls as possible.
///
/// The planner refines plans against it and completion reads it; the shell refreshes
/// it once per turn and after each executed step.
public struct LiveState: Equatable, Sendable {
  /// A resource group.
  public struct Group: Equatable, Sendable {
    public var name: String
    public var location: String
    /// The group's tags.
    public var tags: [String: String] = [:]

    public init(name: String, location: String) {
      self.name = name
      self.location = location
    }
  }

  /// A virtual machine with its power state.
  public struct VM: Equatable, Sendable {
    public var name: String
    public var resourceGroup: String
    public var location: String
    public var size: String
    /// `running`, `stopped`, `deallocated`, or what az reported without the "VM " prefix.
    public var powerState: String
    public var id: String
    /// Azure's `provisioningState`: `Succeeded` once made; `Creating`, `Updating` or
    /// `Deleting` while an operation is still under way.
    public var provisioningState: String
    /// The VM's tags.
    public var tags: [String: String] = [:]
    /// The public IP address, when it has one.
    public var publicIP: String?
    /// The network security group on its NIC (`samNSG` as `az vm create` names it).
    public var securityGroup: String?
    /// The daily auto-shutdown time as Azure keeps it, `HHMM` in UTC; `nil` when none is set.
    public var autoShutdownUTC: String?

    public init(
      name: String, resourceGroup: String, location: String, size: String, powerState: String,
      id: String, provisioningState: String = "Succeeded"
    ) {
      self.name = name
      self.resourceGroup = resourceGroup
      self.location = location
      self.size = size
      self.powerState = powerState
      self.id = id
      self.provisioningState = provisioningState
    }
  }

  /// A storage account.
  public struct StorageAccount: Equatable, Sendable {
    public var name: String
    public var resourceGroup: String
    public var location: String
    public var sku: String
    /// Azure's `provisioningState` (`Creating` while it is being made).
    public var provisioningState: String
    /// The account's tags.
    public var tags: [String: String] = [:]

    public init(
      name: String, resourceGroup: String, location: String, sku: String,
      provisioningState: String = "Succeeded"
    ) {
      self.name = name
      self.resourceGroup = resourceGroup
      self.location = location
      self.sku = sku
      self.provisioningState = provisioningState
    }
  }

  /// A managed disk.
  public struct Disk: Equatable, Sendable {
    public var name: String
    public var resourceGroup: String
    public var sizeGB: Int
    public var sku: String
    public var managedBy: String?
    /// Azure's `provisioningState` (`Creating` while it is being made).
    public var provisioningState: String
    /// The disk's tags.
    public var tags: [String: String] = [:]

    public init(
      name: String, resourceGroup: String, sizeGB: Int, sku: String, managedBy: String?,
      provisioningState: String = "Succeeded"
    ) {
      self.name = name
      self.resourceGroup = resourceGroup
      self.sizeGB = sizeGB
      self.sku = sku
      self.managedBy = managedBy
      self.provisioningState = provisioningState
    }

    /// True for a VM's OS disk (named `<vm>_OsDisk_…` by Azure), which goes with its VM.
    ///
    /// Searched in the name's UTF-8 bytes: the NSString search that `String.contains` reaches
    /// through Foundation costs a microsecond per disk, and a budget check of a 500-VM
    /// subscription asks it of every disk several times a turn.
    public var isOSDisk: Bool { Self.isOSDisk(named: name) }

    /// True for the name Azure gives a VM's OS disk (`<vm>_OsDisk_…`).
    public static func isOSDisk(named name: String) -> Bool {
      name.utf8.firstRange(of: "_OsDisk_".utf8) != nil
    }
  }

  public var groups: [Group] = []
  public var vms: [VM] = []
  public var storageAccounts: [StorageAccount] = []
  public var disks: [Disk] = []
  public var snapshots: [Snapshot] = []
  /// Network security groups, with their rules.
  public var securityGroups: [SecurityGroup] = []

  public init(
    groups: [Group] = [], vms: [VM] = [], storageAccounts: [StorageAccount] = [],
    disks: [Disk] = [],
    snapshots: [Snapshot] = []
  ) {
    self.groups = groups
    self.vms = vms
    self.storageAccounts = storageAccounts
    self.disks = disks
    self.snapshots = snapshots
  }

  /// The group named `name` (Azure group names are case-insensitive).
  public func group(named name: String) -> Group? {
    groups.first { $0.name.lowercased() == name.lowercased() }
  }

  /// The group `word` names as people shorten it: "dev" for `dev-rg` or `rg-dev`, when only
  /// one group fits.
  public func group(shortName word: String) -> Group? {
    if let exact = group(named: word) { return exact }
    let w = word.lowercased()
    guard w.count >= 2 else { return nil }
    let fits = groups.filter {
      let n = $0.name.lowercased()
      return n == w + "-rg" || n == "rg-" + w || n == w + "rg" || n == w + "_rg"
        || n == w + "-group"
    }
    return fits.count == 1 ? fits[0] : nil
  }

  /// The VMs named `name`, in any group.
  public func vms(named name: String) -> [VM] {
    vms.filter { $0.name.lowercased() == name.lowercased() }
  }

  /// The storage accounts named `name`.
  public func storageAccounts(named name: String) -> [StorageAccount] {
    storageAccounts.filter { $0.name == name.lowercased() }
  }
}

extension LiveState {
  /// Reads the live state through `backend`: `group list`, `vm list -d`, `storage account list`,
  /// `snapshot list`, `network nsg list` and the auto-shutdown schedules side by side, then one
  /// `disk list` per group (az lists disks only per group) and a `resource show` of each
  /// schedule whose listing left out its properties, side by side again.
  /// - Throws: `AzError` when a listing that must work fails (groups or VMs).
  ///
  /// The embedded simulator answers in one read of its state (`LiveStateSource`). On the real
  /// az the two rounds take as long as their slowest listing each (`AzureBackend.runAll`).
  public static func fetch(from backend: any AzureBackend) throws -> LiveState {
    if let source = backend as? LiveStateSource {
      do {
        return try source.liveState().sorted()
      } catch let error as AzError {
        throw error
      } catch {
        throw AzError(code: "SimulatorStateUnreadable", message: "\(error)")
      }
    }
    let first = backend.runAll([
      .groupList, .vmListDetails, AzCommand(["storage", "account", "list"]), .snapshotList,
      .securityGroupList, .autoShutdownList,
    ])
    let (groups, vms, storage, snapshotListing, nsgs, schedules) =
      (first[0], first[1], first[2], first[3], first[4], first[5])
    var state = LiveState()
    guard groups.succeeded else {
      throw groups.error ?? AzError(code: "Unknown", message: groups.stderr)
    }
    state.groups = (groups.json?.arrayValue ?? []).compactMap { g in
      guard let name = g["name"]?.stringValue else { return nil }
      var group = Group(name: name, location: g["location"]?.stringValue ?? "")
      group.tags = Self.tags(g["tags"])
      return group
    }
    guard vms.succeeded else { throw vms.error ?? AzError(code: "Unknown", message: vms.stderr) }
    state.vms = (vms.json?.arrayValue ?? []).compactMap { v in
      guard let name = v["name"]?.stringValue else { return nil }
      var power = v["powerState"]?.stringValue ?? "unknown"
      if power.hasPrefix("VM ") { power = String(power.dropFirst(3)) }
      var vm = VM(
        name: name, resourceGroup: v["resourceGroup"]?.stringValue ?? "",
        location: v["location"]?.stringValue ?? "",
        size: v.value(at: "hardwareProfile.vmSize")?.stringValue ?? "",
        powerState: power, id: v["id"]?.stringValue ?? "",
        provisioningState: v["provisioningState"]?.stringValue ?? "Succeeded")
      vm.tags = Self.tags(v["tags"])
      vm.publicIP = v["publicIps"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
      return vm
    }
    if storage.succeeded {
      state.storageAccounts = (storage.json?.arrayValue ?? []).compactMap { s in
        guard let name = s["name"]?.stringValue else { return nil }
        var account = StorageAccount(
          name: name, resourceGroup: s["resourceGroup"]?.stringValue ?? "",
          location: s["location"]?.stringValue ?? "",
          sku: s.value(at: "sku.name")?.stringValue ?? "",
          provisioningState: s["provisioningState"]?.stringValue ?? "Succeeded")
        account.tags = Self.tags(s["tags"])
        return account
      }
    }
    if snapshotListing.succeeded {
      state.snapshots = LiveState.snapshots(fromJSON: snapshotListing.json)
    }
    // The second round: disks per group, and the schedules `resource list` listed bare.
    let listedSchedules = schedules.succeeded ? schedules.json?.arrayValue ?? [] : []
    let bare = listedSchedules.compactMap { s -> String? in
      s["properties"]?.objectMembers == nil ? s["id"]?.stringValue : nil
    }
    let second = backend.runAll(
      state.groups.map { .diskList(group: $0.name) } + bare.map { .resourceShow(id: $0) })
    for (group, disks) in zip(state.groups, second) where disks.succeeded {
      state.disks += (disks.json?.arrayValue ?? []).compactMap { d in
        guard let name = d["name"]?.stringValue else { return nil }
        var disk = Disk(
          name: name, resourceGroup: d["resourceGroup"]?.stringValue ?? group.name,
          sizeGB: d["diskSizeGb"]?.intValue ?? 0, sku: d.value(at: "sku.name")?.stringValue ?? "",
          managedBy: d["managedBy"]?.stringValue,
          provisioningState: d["provisioningState"]?.stringValue ?? "Succeeded")
        disk.tags = Self.tags(d["tags"])
        return disk
      }
    }
    var shown: [String: JSONValue] = [:]
    for (id, result) in zip(bare, second.dropFirst(state.groups.count)) where result.succeeded {
      shown[id] = result.json
    }
    state.readSecurityAndSchedules(
      nsgs: nsgs, schedules: listedSchedules, shown: shown, vmList: vms.json?.arrayValue ?? [])
    return state.sorted()
  }

  /// The same state in a stable order: by group, then name (lists, questions and completion
  /// read alike whatever order Azure or parallel steps left things in).
  public func sorted() -> LiveState {
    func key(_ group: String, _ name: String) -> String {
      group.lowercased() + "/" + name.lowercased()
    }
    // Each key is made once, not at every comparison (the sort is stable, as before).
    func sorted<T>(_ items: [T], by key: (T) -> String) -> [T] {
      items.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
    var copy = self
    copy.groups = sorted(groups) { $0.name.lowercased() }
    copy.vms = sorted(vms) { key($0.resourceGroup, $0.name) }
    copy.storageAccounts = sorted(storageAccounts) { key($0.resourceGroup, $0.name) }
    copy.disks = sorted(disks) { key($0.resourceGroup, $0.name) }
    copy.snapshots = sorted(snapshots) { key($0.resourceGroup, $0.name) }
    copy.securityGroups = sorted(securityGroups) { key($0.resourceGroup, $0.name) }
    return copy
  }
}
