import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// Storage account names other Azure customers hold: storage names are global, so these
  /// are taken here too.
  static let namesTakenElsewhere: Set<String> = [
    "azure", "backup", "data", "mystorageaccount", "storage", "storageaccount", "test",
    "teststorage",
  ]

  /// Where each region's geo-redundant copy lives (its Azure region pair).
  static let regionPairs: [String: String] = [
    "eastus": "westus", "eastus2": "centralus", "westus": "eastus", "westus2": "westcentralus",
    "centralus": "eastus2", "northeurope": "westeurope", "westeurope": "northeurope",
    "uksouth": "ukwest",
    "ukwest": "uksouth", "francecentral": "francesouth", "germanywestcentral": "germanynorth",
    "swedencentral": "swedensouth", "japaneast": "japanwest", "australiaeast": "australiasoutheast",
    "southeastasia": "eastasia", "canadacentral": "canadaeast", "centralindia": "southindia",
  ]

  /// `az storage account create`. Names are global: one held by another group or customer
  /// fails with `StorageAccountAlreadyTaken`. Creating an account that exists in the same
  /// group with the same settings returns it, as Azure's PUT does; another SKU is refused
  /// (`InvalidValuesForRequestParameters`), as is another location (`InvalidResourceLocation`).
  func storageCreate(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    let name = call.string("--name")!
    try validateName(name, as: .storageAccount, code: "AccountNameInvalid")
    let group = state.groups[try requireWritableGroup(call.string("--resource-group")!, in: state)]
    let location =
      try call.string("--location").map {
        try region($0, resourceType: ResourceType.storageAccount)
      }
      ?? group.location
    let sku = call.string("--sku") ?? "Standard_RAGRS"
    if let index = state.storageAccounts.firstIndex(where: { $0.name == name }) {
      let existing = state.storageAccounts[index]
      guard Self.same(existing.resourceGroup, group.name), existing.deletingAt == nil else {
        throw Self.storageNameTaken(name)
      }
      guard existing.location == location else {
        throw SimulatorFailure.azure(
          "InvalidResourceLocation",
          "The resource '\(name)' already exists in location '\(existing.location)' in resource group "
            + "'\(existing.resourceGroup)'. A resource with the same name cannot be created in location "
            + "'\(location)'. Please select a new resource name.")
      }
      guard existing.sku == sku else {
        throw SimulatorFailure.azure(
          "InvalidValuesForRequestParameters", "Values for request parameters are invalid: sku.")
      }
      if let tags = Self.tags(call.strings("--tags")) { state.storageAccounts[index].tags = tags }
      return SimulatorResponse(
        storageJSON(state.storageAccounts[index], at: call.now), duration: Self.waited(call))
    }
    if Self.namesTakenElsewhere.contains(name) { throw Self.storageNameTaken(name) }
    let kind = call.string("--kind") ?? "StorageV2"
    let account = SimulatedStorageAccount(
      name: name, resourceGroup: group.name, location: location, sku: sku, kind: kind,
      accessTier: call.string("--access-tier")
        ?? (["StorageV2", "BlobStorage"].contains(kind) ? "Hot" : nil),
      minimumTlsVersion: call.string("--min-tls-version") ?? "TLS1_0",
      allowBlobPublicAccess: call.invocation.bool("--allow-blob-public-access") ?? false,
      enableHttpsTrafficOnly: call.invocation.bool("--https-only") ?? true,
      tags: Self.tags(call.strings("--tags")) ?? [:], creationTime: Self.azureTimestamp(call.now),
      busy: SimulatorBusyState(
        operation: "create", until: Self.completion(call), provisioningState: "Creating",
        powerState: nil),
      deletingAt: nil)
    state.storageAccounts.append(account)
    return SimulatorResponse(
      storageJSON(account, at: Date(timeIntervalSince1970: Self.completion(call))),
      duration: Self.waited(call))
  }

  /// `az storage account show` (the group may be left out: names are unique).
  func storageShow(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse
  {
    let values = try storageTargets(call, state).map { index -> JSONValue in
      guard let index else { throw SimulatorFailure.client("unreachable") }
      return storageJSON(state.storageAccounts[index], at: call.now)
    }
    return SimulatorResponse(
      call.has("--ids") && values.count != 1 ? .array(values) : values[0],
      duration: Self.readDuration)
  }

  /// `az storage account list [-g]`, sorted by name.
  func storageList(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse
  {
    var accounts = state.storageAccounts
    if let group = call.string("--resource-group") {
      _ = try requireGroup(group, in: state)
      accounts = accounts.filter { Self.same($0.resourceGroup, group) }
    }
    accounts.sort { $0.name < $1.name }
    return SimulatorResponse(
      .array(accounts.map { storageJSON($0, at: call.now) }), duration: Self.readDuration)
  }

  /// `az storage account delete --yes`.
  func storageDelete(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    try requireConfirmation(call)
    for index in try storageTargets(call, state, allowMissing: true) {
      guard let index, state.storageAccounts[index].deletingAt == nil else { continue }
      state.storageAccounts[index].deletingAt = Self.completion(call)
      state.storageAccounts[index].busy = SimulatorBusyState(
        operation: "delete", until: Self.completion(call), provisioningState: "Deleting",
        powerState: nil)
    }
    return SimulatorResponse(nil, duration: Self.waited(call))
  }

  /// `az storage account check-name`: whether a name is valid and free across Azure.
  func storageCheckName(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    let name = call.string("--name")!
    let answer: (Bool, String?, String?)
    if let violation = NamingRules.violation(of: name, as: .storageAccount) {
      answer = (false, "AccountNameInvalid", violation)
    } else if Self.namesTakenElsewhere.contains(name)
      || state.storageAccounts.contains(where: { $0.name == name })
    {
      answer = (false, "AlreadyExists", "The storage account named \(name) is already taken.")
    } else {
      answer = (true, nil, nil)
    }
    return SimulatorResponse(
      .object([
        ("message", .optional(answer.2)), ("nameAvailable", .bool(answer.0)),
        ("reason", .optional(answer.1)),
      ]),
      duration: Self.readDuration)
  }

  /// The accounts a show or delete names, by index; `nil` for one that does not exist when
  /// `allowMissing` (ARM deletes of missing resources succeed).
  private func storageTargets(
    _ call: SimulatorCall, _ state: SimulatorState, allowMissing: Bool = false
  ) throws
    -> [Int?]
  {
    let targets: [SimulatorTarget]
    if call.has("--ids") {
      targets = try self.targets(call)
    } else {
      targets = [
        SimulatorTarget(group: call.string("--resource-group") ?? "", name: call.string("--name")!)
      ]
    }
    return try targets.map { target in
      if !target.group.isEmpty { _ = try requireGroup(target.group, in: state) }
      let index = state.storageAccounts.firstIndex {
        $0.name == target.name.lowercased()
          && (target.group.isEmpty || Self.same($0.resourceGroup, target.group))
      }
      if index == nil, !(allowMissing && !target.group.isEmpty) {
        if target.group.isEmpty {
          throw SimulatorFailure.azure(
            "ResourceNotFound",
            "The storage account '\(target.name)' was not found in subscription '\(Self.subscriptionID)'.",
            exitCode: 3)
        }
        throw Self.notFound(ResourceType.storageAccount, target)
      }
      return index
    }
  }

  private static func storageNameTaken(_ name: String) -> SimulatorFailure {
    .azure("StorageAccountAlreadyTaken", "The storage account named \(name) is already taken.")
  }

  /// A storage account as az prints it.
  func storageJSON(_ account: SimulatedStorageAccount, at now: Date) -> JSONValue {
    let geo = account.sku.contains("GRS") || account.sku.contains("GZRS")
    let readable = account.sku.contains("RAG")
    let secondary = geo ? Self.regionPairs[account.location] : nil
    func endpoints(_ suffix: String) -> JSONValue {
      let host = account.name + suffix
      return .object([
        ("blob", .string("https://\(host).blob.core.windows.net/")),
        ("dfs", .string("https://\(host).dfs.core.windows.net/")),
        ("file", .string("https://\(host).file.core.windows.net/")),
        ("queue", .string("https://\(host).queue.core.windows.net/")),
        ("table", .string("https://\(host).table.core.windows.net/")),
        ("web", .string("https://\(host).z13.web.core.windows.net/")),
      ])
    }
    let provisioning =
      account.busy.flatMap { $0.isActive(at: now) ? $0.provisioningState : nil } ?? "Succeeded"
    let service: JSONValue = .object([
      ("enabled", true), ("keyType", "Account"), ("lastEnabledTime", .string(account.creationTime)),
    ])
    return .object([
      ("accessTier", .optional(account.accessTier)),
      ("allowBlobPublicAccess", .bool(account.allowBlobPublicAccess)),
      ("allowCrossTenantReplication", false),
      ("creationTime", .string(account.creationTime)),
      ("customDomain", .null),
      ("enableHttpsTrafficOnly", .bool(account.enableHttpsTrafficOnly)),
      (
        "encryption",
        .object([
          ("keySource", "Microsoft.Storage"), ("requireInfrastructureEncryption", .null),
          ("services", .object([("blob", service), ("file", service)])),
        ])
      ),
      (
        "id",
        .string(
          Self.resourceID(
            ResourceType.storageAccount, group: account.resourceGroup, name: account.name))
      ),
      ("identity", .null),
      ("isHnsEnabled", .null),
      (
        "keyCreationTime",
        .object([("key1", .string(account.creationTime)), ("key2", .string(account.creationTime))])
      ),
      ("kind", .string(account.kind)),
      ("location", .string(account.location)),
      ("minimumTlsVersion", .string(account.minimumTlsVersion)),
      ("name", .string(account.name)),
      (
        "networkRuleSet",
        .object([
          ("bypass", "AzureServices"), ("defaultAction", "Allow"), ("ipRules", []),
          ("virtualNetworkRules", []),
        ])
      ),
      ("primaryEndpoints", endpoints("")),
      ("primaryLocation", .string(account.location)),
      ("provisioningState", .string(provisioning)),
      ("publicNetworkAccess", .null),
      ("resourceGroup", .string(account.resourceGroup)),
      ("secondaryEndpoints", readable ? endpoints("-secondary") : .null),
      ("secondaryLocation", .optional(secondary)),
      (
        "sku",
        .object([
          ("name", .string(account.sku)),
          ("tier", .string(account.sku.hasPrefix("Premium") ? "Premium" : "Standard")),
        ])
      ),
      ("statusOfPrimary", "available"),
      ("statusOfSecondary", secondary == nil ? .null : "available"),
      ("tags", Self.tagsJSON(account.tags)),
      ("type", .string(ResourceType.storageAccount)),
    ])
  }
}
