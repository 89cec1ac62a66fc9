import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// Where `az vm create` puts a VM's NIC: the virtual network and subnet, and its address.
  struct NetworkPlacement {
    var vnet: String
    var subnet: String
    var address: String
  }

  /// Chooses (or creates) the VM's network as az does.
  ///
  /// With `--vnet-name`, that network (created when missing); otherwise the first network in
  /// the group and region that has a subnet; otherwise a new `<vm>VNET` (10.0.0.0/16) with
  /// subnet `<vm>Subnet` (10.0.0.0/24). Addresses start at .4, as Azure reserves the first four.
  func placeOnNetwork(
    _ call: SimulatorCall, _ state: inout SimulatorState, group: String, vm: String,
    location: String
  )
    throws -> NetworkPlacement
  {
    var index: Int?
    if let name = call.string("--vnet-name") {
      try validateName(name, as: .virtualNetwork)
      index = state.virtualNetworks.firstIndex {
        Self.same($0.resourceGroup, group) && Self.same($0.name, name)
      }
      if let found = index, state.virtualNetworks[found].location != location {
        throw SimulatorFailure.azure(
          "InvalidResourceReference",
          "Resource '\(state.virtualNetworks[found].name)' referenced by resource '\(vm)VMNic' is in location "
            + "'\(state.virtualNetworks[found].location)', but the VM is in '\(location)'.")
      }
    } else {
      index = state.virtualNetworks.indices.filter {
        Self.same(state.virtualNetworks[$0].resourceGroup, group)
          && state.virtualNetworks[$0].location == location
          && !state.virtualNetworks[$0].subnets.isEmpty
          && state.virtualNetworks[$0].deletingAt == nil
      }.min {
        state.virtualNetworks[$0].name.lowercased() < state.virtualNetworks[$1].name.lowercased()
      }
    }
    let subnetName = call.string("--subnet")
    if index == nil {
      let vnetPrefix = call.string("--vnet-address-prefix") ?? "10.0.0.0/16"
      let subnetPrefix = call.string("--subnet-address-prefix") ?? "10.0.0.0/24"
      state.virtualNetworks.append(
        SimulatedVirtualNetwork(
          name: call.string("--vnet-name") ?? "\(vm)VNET", resourceGroup: group, location: location,
          addressPrefixes: [vnetPrefix],
          subnets: [
            SimulatedSubnet(name: subnetName ?? "\(vm)Subnet", addressPrefix: subnetPrefix)
          ],
          tags: [:], resourceGuid: ids.next(), etag: ids.next(), busy: nil, deletingAt: nil))
      index = state.virtualNetworks.count - 1
    }
    let vnetIndex = index!
    var subnets = state.virtualNetworks[vnetIndex].subnets
    var subnetIndex = subnetName.flatMap { name in subnets.firstIndex { Self.same($0.name, name) } }
    if subnetIndex == nil {
      if let subnetName {
        subnets.append(
          SimulatedSubnet(
            name: subnetName, addressPrefix: call.string("--subnet-address-prefix") ?? "10.0.0.0/24"
          ))
        state.virtualNetworks[vnetIndex].subnets = subnets
        subnetIndex = subnets.count - 1
      } else if subnets.isEmpty {
        subnets.append(SimulatedSubnet(name: "\(vm)Subnet", addressPrefix: "10.0.0.0/24"))
        state.virtualNetworks[vnetIndex].subnets = subnets
        subnetIndex = 0
      } else {
        subnetIndex = 0
      }
    }
    let vnet = state.virtualNetworks[vnetIndex]
    let subnet = vnet.subnets[subnetIndex!]
    let base =
      subnet.addressPrefix.split(separator: "/").first.map { $0.split(separator: ".").prefix(3) }
      .map { $0.joined(separator: ".") } ?? "10.0.0"
    let used = Set(
      state.virtualMachines.filter {
        Self.same($0.resourceGroup, group) && Self.same($0.vnetName, vnet.name)
          && Self.same($0.subnetName, subnet.name)
      }.map(\.privateIpAddress))
    let host = (4...254).first { !used.contains("\(base).\($0)") } ?? 254
    return NetworkPlacement(vnet: vnet.name, subnet: subnet.name, address: "\(base).\(host)")
  }

  /// `az network vnet create`: prints `{"newVNet": …}`; an existing network in the same
  /// location is updated (address space, subnet, tags).
  func vnetCreate(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse
  {
    let name = call.string("--name")!
    try validateName(name, as: .virtualNetwork)
    let group = state.groups[try requireWritableGroup(call.string("--resource-group")!, in: state)]
    let location =
      try call.string("--location").map {
        try region($0, resourceType: ResourceType.virtualNetwork)
      }
      ?? group.location
    let prefixes = call.strings("--address-prefixes") ?? ["10.0.0.0/16"]
    let subnet = call.string("--subnet-name").map {
      SimulatedSubnet(
        name: $0, addressPrefix: call.strings("--subnet-prefixes")?.first ?? "10.0.0.0/24")
    }
    let tags = Self.tags(call.strings("--tags")) ?? [:]
    let vnet: SimulatedVirtualNetwork
    if let index = state.virtualNetworks.firstIndex(where: {
      Self.same($0.resourceGroup, group.name) && Self.same($0.name, name)
    }) {
      let existing = state.virtualNetworks[index]
      guard existing.location == location else {
        throw SimulatorFailure.azure(
          "InvalidResourceLocation",
          "The resource '\(existing.name)' already exists in location '\(existing.location)' in resource group "
            + "'\(existing.resourceGroup)'. A resource with the same name cannot be created in location "
            + "'\(location)'. Please select a new resource name.")
      }
      state.virtualNetworks[index].addressPrefixes = prefixes
      if let subnet, !existing.subnets.contains(where: { Self.same($0.name, subnet.name) }) {
        state.virtualNetworks[index].subnets.append(subnet)
      }
      state.virtualNetworks[index].tags = tags
      state.virtualNetworks[index].etag = ids.next()
      vnet = state.virtualNetworks[index]
    } else {
      vnet = SimulatedVirtualNetwork(
        name: name, resourceGroup: group.name, location: location, addressPrefixes: prefixes,
        subnets: subnet.map { [$0] } ?? [], tags: tags, resourceGuid: ids.next(), etag: ids.next(),
        busy: nil,
        deletingAt: nil)
      state.virtualNetworks.append(vnet)
    }
    return SimulatorResponse(
      .object([("newVNet", vnetJSON(vnet, at: call.now))]), duration: Self.waited(call))
  }

  /// `az network vnet show`.
  func vnetShow(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    let values = try targets(call).map { target -> JSONValue in
      _ = try requireGroup(target.group, in: state)
      guard let vnet = vnetIndex(target, in: state).map({ state.virtualNetworks[$0] }) else {
        throw Self.notFound(ResourceType.virtualNetwork, target)
      }
      return vnetJSON(vnet, at: call.now)
    }
    return SimulatorResponse(
      call.has("--ids") && values.count != 1 ? .array(values) : values[0],
      duration: Self.readDuration,
      table: Self.vnetTable)
  }

  /// `az network vnet list [-g]`, sorted by group and name.
  func vnetList(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    var vnets = state.virtualNetworks
    if let group = call.string("--resource-group") {
      _ = try requireGroup(group, in: state)
      vnets = vnets.filter { Self.same($0.resourceGroup, group) }
    }
    vnets.sort {
      ($0.resourceGroup.lowercased(), $0.name.lowercased()) < (
        $1.resourceGroup.lowercased(), $1.name.lowercased()
      )
    }
    return SimulatorResponse(
      .array(vnets.map { vnetJSON($0, at: call.now) }), duration: Self.readDuration,
      table: Self.vnetTable)
  }

  /// az's table for virtual networks.
  static let vnetTable: SimulatorRenderer.TableTransform = { value in
    (value.arrayValue ?? [value]).map { vnet in
      let prefixes =
        vnet.value(at: "addressSpace.addressPrefixes")?.arrayValue?.compactMap(\.stringValue) ?? []
      return [
        ("Name", vnet["name"] ?? .null), ("ResourceGroup", vnet["resourceGroup"] ?? .null),
        ("Location", vnet["location"] ?? .null),
        ("NumSubnets", .number(Double(vnet["subnets"]?.arrayValue?.count ?? 0))),
        ("Prefixes", .string(prefixes.joined(separator: ", "))), ("DnsServers", ""),
        ("DDOSProtection", vnet["enableDdosProtection"] ?? .null), ("VMProtection", false),
      ]
    }
  }

  /// `az network vnet delete`: refused while a VM's NIC uses one of its subnets; deleting a
  /// network that does not exist succeeds, as ARM's DELETE does.
  func vnetDelete(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse
  {
    for target in try targets(call) {
      _ = try requireGroup(target.group, in: state)
      guard let index = vnetIndex(target, in: state) else { continue }
      let vnet = state.virtualNetworks[index]
      if let user = state.virtualMachines.first(where: {
        Self.same($0.resourceGroup, vnet.resourceGroup) && Self.same($0.vnetName, vnet.name)
      }) {
        let nic = Self.resourceID(
          "Microsoft.Network/networkInterfaces", group: user.resourceGroup, name: user.nicName)
        throw SimulatorFailure.azure(
          "InUseSubnetCannotBeDeleted",
          "Subnet \(user.subnetName) is in use by \(nic)/ipConfigurations/ipconfig\(user.name) and cannot be deleted. "
            + "In order to delete the subnet, delete all the resources within the subnet. See aka.ms/deletesubnet."
        )
      }
      if vnet.deletingAt == nil {
        state.virtualNetworks[index].deletingAt = Self.completion(call)
        state.virtualNetworks[index].busy = SimulatorBusyState(
          operation: "delete", until: Self.completion(call), provisioningState: "Deleting",
          powerState: nil)
      }
    }
    return SimulatorResponse(nil, duration: Self.waited(call))
  }

  private func vnetIndex(_ target: SimulatorTarget, in state: SimulatorState) -> Int? {
    state.virtualNetworks.firstIndex {
      Self.same($0.resourceGroup, target.group) && Self.same($0.name, target.name)
    }
  }

  /// A virtual network as az prints it.
  func vnetJSON(_ vnet: SimulatedVirtualNetwork, at now: Date) -> JSONValue {
    let id = Self.resourceID(
      ResourceType.virtualNetwork, group: vnet.resourceGroup, name: vnet.name)
    let etag = JSONValue.string("W/\"\(vnet.etag)\"")
    let provisioning =
      vnet.busy.flatMap { $0.isActive(at: now) ? $0.provisioningState : nil } ?? "Succeeded"
    let subnets: [JSONValue] = vnet.subnets.map { subnet in
      .object([
        ("addressPrefix", .string(subnet.addressPrefix)),
        ("delegations", []),
        ("etag", etag),
        ("id", .string(id + "/subnets/\(subnet.name)")),
        ("name", .string(subnet.name)),
        ("privateEndpointNetworkPolicies", "Disabled"),
        ("privateLinkServiceNetworkPolicies", "Enabled"),
        ("provisioningState", .string(provisioning)),
        ("resourceGroup", .string(vnet.resourceGroup)),
        ("type", "Microsoft.Network/virtualNetworks/subnets"),
      ])
    }
    return .object([
      ("addressSpace", .object([("addressPrefixes", .strings(vnet.addressPrefixes))])),
      ("enableDdosProtection", false),
      ("etag", etag),
      ("id", .string(id)),
      ("location", .string(vnet.location)),
      ("name", .string(vnet.name)),
      ("provisioningState", .string(provisioning)),
      ("resourceGroup", .string(vnet.resourceGroup)),
      ("resourceGuid", .string(vnet.resourceGuid)),
      ("subnets", .array(subnets)),
      ("tags", Self.tagsJSON(vnet.tags)),
      ("type", .string(ResourceType.virtualNetwork)),
      ("virtualNetworkPeerings", []),
    ])
  }
}
