import AzlinCore
import Foundation

extension LiveState {
  /// A network security group with its rules.
  public struct SecurityGroup: Equatable, Sendable {
    public var name: String
    public var resourceGroup: String
    public var location: String
    public var rules: [SecurityRule]

    public init(name: String, resourceGroup: String, location: String, rules: [SecurityRule]) {
      self.name = name
      self.resourceGroup = resourceGroup
      self.location = location
      self.rules = rules
    }
  }

  /// One rule of a network security group.
  public struct SecurityRule: Equatable, Sendable {
    public var name: String
    public var priority: Int
    /// `Inbound` or `Outbound`.
    public var direction: String
    /// `Allow` or `Deny`.
    public var access: String
    /// `Tcp`, `Udp` or `*`.
    public var networkProtocol: String
    /// Port ranges as Azure writes them: `22`, `8000-8100`, `*`.
    public var ports: [String]
    /// Source prefixes: `*`, `Internet`, a CIDR.
    public var sources: [String]

    public init(
      name: String, priority: Int, direction: String = "Inbound", access: String = "Allow",
      networkProtocol: String = "Tcp", ports: [String], sources: [String]
    ) {
      self.name = name
      self.priority = priority
      self.direction = direction
      self.access = access
      self.networkProtocol = networkProtocol
      self.ports = ports
      self.sources = sources
    }

    /// True for an inbound allow rule open to the whole internet.
    public var isOpenToEveryone: Bool {
      sources.contains { ["*", "internet", "0.0.0.0/0", "any"].contains($0.lowercased()) }
    }
  }

  /// The security group on `vm`'s NIC.
  public func securityGroup(of vm: VM) -> SecurityGroup? {
    guard let name = vm.securityGroup else { return nil }
    return securityGroups.first {
      $0.name.lowercased() == name.lowercased()
        && $0.resourceGroup.lowercased() == vm.resourceGroup.lowercased()
    }
  }

  /// The inbound rules that let traffic in to `vm`, lowest priority number first.
  public func openRules(of vm: VM) -> [SecurityRule] {
    (securityGroup(of: vm)?.rules ?? [])
      .filter { $0.direction == "Inbound" && $0.access == "Allow" }
      .sorted { $0.priority < $1.priority }
  }

  /// Tags as az prints them (`null` when none).
  static func tags(_ value: JSONValue?) -> [String: String] {
    var tags: [String: String] = [:]
    for (key, v) in value?.objectMembers ?? [] { tags[key] = v.stringValue ?? "" }
    return tags
  }

  /// Ties network security groups (`az network nsg list`) and auto-shutdown schedules
  /// (`az resource list --resource-type Microsoft.DevTestLab/schedules`, with `shown` holding the
  /// `resource show` of each one the listing gave without its properties) to the VMs of
  /// `vmList` (`az vm list -d` JSON) by NIC and target ID.
  /// A failed read leaves that part empty: the rest of the state is still good.
  mutating func readSecurityAndSchedules(
    nsgs: AzResult, schedules: [JSONValue], shown: [String: JSONValue], vmList: [JSONValue]
  ) {
    var vmByNIC: [String: Int] = [:]
    var vmByID: [String: Int] = [:]
    for v in vmList {
      guard let id = v["id"]?.stringValue?.lowercased(),
        let index = vms.firstIndex(where: { $0.id.lowercased() == id })
      else { continue }
      vmByID[id] = index
      for nic in v.value(at: "networkProfile.networkInterfaces")?.arrayValue ?? [] {
        if let nicID = nic["id"]?.stringValue?.lowercased() { vmByNIC[nicID] = index }
      }
    }
    if nsgs.succeeded {
      for n in nsgs.json?.arrayValue ?? [] {
        guard let name = n["name"]?.stringValue else { continue }
        let group = n["resourceGroup"]?.stringValue ?? ""
        securityGroups.append(
          SecurityGroup(
            name: name, resourceGroup: group, location: n["location"]?.stringValue ?? "",
            rules: (n["securityRules"]?.arrayValue ?? []).compactMap(Self.rule)))
        for nic in n["networkInterfaces"]?.arrayValue ?? [] {
          if let id = nic["id"]?.stringValue?.lowercased(), let index = vmByNIC[id] {
            vms[index].securityGroup = name
          }
        }
      }
    }
    for listed in schedules {
      var s = listed
      if s["properties"]?.objectMembers == nil {
        guard let id = s["id"]?.stringValue, let whole = shown[id] else { continue }
        s = whole
      }
      guard let target = s.value(at: "properties.targetResourceId")?.stringValue?.lowercased(),
        let index = vmByID[target],
        s.value(at: "properties.status")?.stringValue != "Disabled"
      else { continue }
      vms[index].autoShutdownUTC = s.value(at: "properties.dailyRecurrence.time")?.stringValue
    }
  }

  /// A rule from az's JSON (`securityRules` entries).
  static func rule(_ r: JSONValue) -> SecurityRule? {
    guard let name = r["name"]?.stringValue else { return nil }
    func list(_ one: String, _ many: String) -> [String] {
      let several = (r[many]?.arrayValue ?? []).compactMap(\.stringValue)
      if !several.isEmpty { return several }
      return r[one]?.stringValue.map { [$0] } ?? []
    }
    return SecurityRule(
      name: name, priority: r["priority"]?.intValue ?? 0,
      direction: r["direction"]?.stringValue ?? "Inbound",
      access: r["access"]?.stringValue ?? "Allow",
      networkProtocol: r["protocol"]?.stringValue ?? "*",
      ports: list("destinationPortRange", "destinationPortRanges"),
      sources: list("sourceAddressPrefix", "sourceAddressPrefixes"))
  }
}
