import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// Resource types as ARM names them.
  enum ResourceType {
    static let virtualMachine = "Microsoft.Compute/virtualMachines"
    static let disk = "Microsoft.Compute/disks"
    static let storageAccount = "Microsoft.Storage/storageAccounts"
    static let virtualNetwork = "Microsoft.Network/virtualNetworks"
  }

  /// `/subscriptions/<sub>/resourceGroups/<group>`.
  static func groupID(_ group: String) -> String {
    "/subscriptions/\(subscriptionID)/resourceGroups/\(group)"
  }

  /// `/subscriptions/<sub>/resourceGroups/<group>/providers/<type>/<name>`.
  static func resourceID(_ type: String, group: String, name: String) -> String {
    groupID(group) + "/providers/\(type)/\(name)"
  }

  /// Whether two Azure names are the same (Azure compares names without regard to case).
  static func same(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }

  /// The index of the group named `name`.
  /// - Throws: `ResourceGroupNotFound`, exit code 3 as az gives for any 404.
  func requireGroup(_ name: String, in state: SimulatorState) throws -> Int {
    guard let index = state.groups.firstIndex(where: { Self.same($0.name, name) }) else {
      throw SimulatorFailure.azure(
        "ResourceGroupNotFound", "Resource group '\(name)' could not be found.", exitCode: 3)
    }
    return index
  }

  /// The index of the group named `name`, which must not be being deleted.
  /// - Throws: `ResourceGroupNotFound` or `ResourceGroupBeingDeleted`.
  func requireWritableGroup(_ name: String, in state: SimulatorState) throws -> Int {
    let index = try requireGroup(name, in: state)
    if state.groups[index].deletingAt != nil {
      throw SimulatorFailure.azure(
        "ResourceGroupBeingDeleted",
        "The resource group '\(state.groups[index].name)' is in deprovisioning state and cannot perform this operation."
      )
    }
    return index
  }

  /// az's `ResourceNotFound` for a resource of `type`, exit code 3 as az gives for any 404.
  static func notFound(_ type: String, _ target: SimulatorTarget) -> SimulatorFailure {
    .azure(
      "ResourceNotFound",
      "The Resource '\(type)/\(target.name)' under resource group '\(target.group)' was not found. "
        + "For more details please go to https://aka.ms/ARMResourceNotFoundFix",
      exitCode: 3)
  }

  /// The resources a command names: one from `--resource-group`/`nameKey`, or each of `--ids`.
  /// - Throws: `SimulatorFailure` for an ID that is not a resource ID of this subscription.
  func targets(_ call: SimulatorCall, nameKey: String = "--name") throws -> [SimulatorTarget] {
    guard let ids = call.strings("--ids") else {
      return [
        SimulatorTarget(
          group: call.string("--resource-group") ?? "", name: call.string(nameKey) ?? "")
      ]
    }
    return try ids.map(Self.parseID)
  }

  /// Reads `/subscriptions/<sub>/resourceGroups/<group>/providers/<namespace>/<type>/<name>`.
  /// - Throws: a usage error for text that is not such an ID, `SubscriptionNotFound` for
  ///   another subscription.
  static func parseID(_ id: String) throws -> SimulatorTarget {
    let parts = id.split(separator: "/").map(String.init)
    guard parts.count >= 8, same(parts[0], "subscriptions"), same(parts[2], "resourceGroups"),
      same(parts[4], "providers")
    else {
      throw SimulatorFailure.usage("usage error: '\(id)' is not a valid Azure resource ID.")
    }
    guard same(parts[1], subscriptionID) else {
      throw SimulatorFailure.azure(
        "SubscriptionNotFound", "The subscription '\(parts[1])' could not be found.")
    }
    return SimulatorTarget(group: parts[3], name: parts[parts.count - 1])
  }

  /// The region a command asks for (or `fallback`), as Azure's programmatic name.
  /// - Throws: `LocationNotAvailableForResourceType` naming the regions there are.
  func region(_ text: String, resourceType: String) throws -> String {
    if let region = catalog.normalizeRegion(text) { return region }
    throw SimulatorFailure.azure(
      "LocationNotAvailableForResourceType",
      "The provided location '\(text)' is not available for resource type '\(resourceType)'. "
        + "List of available regions for the resource type is '\(catalog.regions.joined(separator: ","))'."
    )
  }

  /// The name's naming-rule violation as Azure reports it.
  /// - Throws: `InvalidResourceName` (or `code`) with the rule the name breaks.
  func validateName(_ name: String, as kind: ResourceKind, code: String = "InvalidResourceName")
    throws
  {
    if let violation = NamingRules.violation(of: name, as: kind) {
      throw SimulatorFailure.azure(code, violation)
    }
  }

  /// az's confirmation prompt, which cannot be answered without a terminal.
  /// - Throws: az's error when `--yes` was not given.
  func requireConfirmation(_ call: SimulatorCall) throws {
    guard call.has("--yes") else {
      throw SimulatorFailure.client(
        "Unable to prompt for confirmation as no tty available. Use --yes.")
    }
  }

  /// `--tags` as az reads it: `key[=value]` words; `""` (or no words) clears the tags.
  static func tags(_ values: [String]?) -> [String: String]? {
    guard let values else { return nil }
    var tags: [String: String] = [:]
    for word in values where !word.isEmpty {
      if let equals = word.firstIndex(of: "=") {
        tags[String(word[..<equals])] = String(word[word.index(after: equals)...])
      } else {
        tags[word] = ""
      }
    }
    return tags
  }

  /// Tags as az prints them: an object (keys sorted on output), or `null`.
  static func tagsJSON(_ tags: [String: String]?) -> JSONValue {
    guard let tags else { return .null }
    return .object(tags.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
  }

  /// An instant as Azure writes it: `2026-11-29T08:53:20.0000000+00:00`.
  static func azureTimestamp(_ date: Date) -> String {
    let text = Timestamp.string(date)
    return String(text.dropLast()) + "0000+00:00"
  }

  /// A conflict for an operation on a resource that is still busy with another one.
  static func busyConflict(
    _ operation: String, kind: String, name: String, busy: SimulatorBusyState?, at now: Date
  )
    throws
  {
    guard let busy, busy.isActive(at: now) else { return }
    throw SimulatorFailure.azure(
      "Conflict",
      "Operation '\(operation)' is not allowed on \(kind) '\(name)' while another operation on it is in progress "
        + "(\(busy.operation)); wait for it to complete.")
  }

  /// A 32-digit hexadecimal identifier, as Azure puts in generated disk names.
  func hexID() -> String { ids.next().replacingOccurrences(of: "-", with: "") }
}
