import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// `az group create`: creates a group, or updates an existing one in the same location.
  ///
  /// As in Azure, creating a group that exists in another location fails with
  /// `InvalidResourceGroupLocation`, and the PUT replaces the group's tags.
  func groupCreate(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse
  {
    let name = call.string("--name")!
    try validateName(name, as: .resourceGroup)
    let text = call.string("--location")!
    guard let location = catalog.normalizeRegion(text) else {
      throw SimulatorFailure.azure(
        "LocationNotAvailableForResourceGroup",
        "The provided location '\(text)' is not available for resource group. "
          + "List of available regions is '\(catalog.regions.joined(separator: ","))'.")
    }
    let tags = Self.tags(call.strings("--tags"))
    let group: SimulatedGroup
    if let index = state.groups.firstIndex(where: { Self.same($0.name, name) }) {
      guard state.groups[index].deletingAt == nil else {
        throw SimulatorFailure.azure(
          "ResourceGroupBeingDeleted",
          "The resource group '\(state.groups[index].name)' is in deprovisioning state and cannot perform this operation."
        )
      }
      guard state.groups[index].location == location else {
        throw SimulatorFailure.azure(
          "InvalidResourceGroupLocation",
          "Invalid resource group location '\(location)'. "
            + "The Resource group already exists in location '\(state.groups[index].location)'.")
      }
      state.groups[index].tags = tags
      state.groups[index].managedBy = call.string("--managed-by")
      group = state.groups[index]
    } else {
      group = SimulatedGroup(
        name: name, location: location, tags: tags, managedBy: call.string("--managed-by"),
        deletingAt: nil)
      state.groups.append(group)
    }
    return SimulatorResponse(
      Self.groupJSON(group), duration: Self.waited(call), table: Self.groupTable)
  }

  /// `az group show`.
  func groupShow(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    let index = try requireGroup(call.string("--name")!, in: state)
    return SimulatorResponse(
      Self.groupJSON(state.groups[index]), duration: Self.readDuration, table: Self.groupTable)
  }

  /// `az group list [--tag key[=value]]`, sorted by name.
  func groupList(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse {
    var groups = state.groups.sorted { $0.name.lowercased() < $1.name.lowercased() }
    if let filter = call.string("--tag") {
      let parts = filter.split(separator: "=", maxSplits: 1).map(String.init)
      groups = groups.filter { group in
        guard let value = group.tags?[parts.first ?? ""] else { return false }
        return parts.count < 2 || value == parts[1]
      }
    }
    return SimulatorResponse(
      .array(groups.map(Self.groupJSON)), duration: Self.readDuration, table: Self.groupTable)
  }

  /// `az group delete --yes`: the group and everything in it go when the deletion completes.
  func groupDelete(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse
  {
    try requireConfirmation(call)
    let index = try requireGroup(call.string("--name")!, in: state)
    if state.groups[index].deletingAt == nil {
      state.groups[index].deletingAt = Self.completion(call)
    }
    return SimulatorResponse(nil, duration: Self.waited(call))
  }

  /// `az group exists`: prints `true` or `false`.
  func groupExists(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse
  {
    let name = call.string("--name")!
    return SimulatorResponse(
      .bool(state.groups.contains { Self.same($0.name, name) }), duration: Self.readDuration)
  }

  /// A group as az prints it.
  static func groupJSON(_ group: SimulatedGroup) -> JSONValue {
    .object([
      ("id", .string(groupID(group.name))),
      ("location", .string(group.location)),
      ("managedBy", .optional(group.managedBy)),
      ("name", .string(group.name)),
      (
        "properties",
        .object([("provisioningState", .string(group.deletingAt == nil ? "Succeeded" : "Deleting"))]
        )
      ),
      ("tags", tagsJSON(group.tags)),
      ("type", "Microsoft.Resources/resourceGroups"),
    ])
  }

  /// az's table for groups: Name, Location, Status.
  static let groupTable: SimulatorRenderer.TableTransform = { value in
    (value.arrayValue ?? [value]).map { group in
      [
        ("Name", group["name"] ?? .null), ("Location", group["location"] ?? .null),
        ("Status", group.value(at: "properties.provisioningState") ?? .null),
      ]
    }
  }
}
