import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  /// The regional vCPU limit ("Total Regional vCPUs"), as on a pay-as-you-go subscription.
  static let totalVCPULimit = 20
  /// The vCPU limit of each VM family in a region.
  static let familyVCPULimit = 10
  /// The limits of the other counted resources, as az lists them.
  static let otherLimits: [(value: String, name: String, limit: Int)] = [
    ("availabilitySets", "Availability Sets", 2500),
    ("cores", "Total Regional vCPUs", totalVCPULimit),
    ("virtualMachines", "Virtual Machines", 25000),
    ("virtualMachineScaleSets", "Virtual Machine Scale Sets", 2500),
  ]

  /// What counts against quota in a region.
  struct RegionalUsage {
    var cores = 0
    var virtualMachines = 0
    var families: [String: Int] = [:]
  }

  /// The vCPUs in use in `region`, by family and in total.
  ///
  /// As Azure's quota documentation says, quota counts allocated and deallocated VMs alike:
  /// stopping or deallocating a VM does not free its vCPUs; deleting it does.
  func usage(in region: String, _ state: SimulatorState, excluding excluded: SimulatorTarget? = nil)
    -> RegionalUsage
  {
    var usage = RegionalUsage()
    for vm in state.virtualMachines where vm.location == region {
      if let excluded, Self.same(vm.resourceGroup, excluded.group),
        Self.same(vm.name, excluded.name)
      {
        continue
      }
      usage.virtualMachines += 1
      guard let size = catalog.vmSize(named: vm.size) else { continue }
      usage.cores += size.vCPUs
      usage.families[size.quotaFamily, default: 0] += size.vCPUs
    }
    return usage
  }

  /// Checks that a VM of `size` fits the regional and family vCPU quotas.
  /// - Parameters:
  ///   - size: The size the VM will have.
  ///   - region: Its region.
  ///   - state: What exists now.
  ///   - replacing: The VM being resized, whose current vCPUs are given back first.
  ///   - code: `QuotaExceeded` for a deployment (`vm create`), `OperationNotAllowed` for a
  ///     direct operation (`vm resize`), as Azure reports them.
  /// - Throws: The quota error, worded as Azure words it.
  func checkQuota(
    for size: VMSize, in region: String, _ state: SimulatorState, replacing: SimulatorTarget? = nil,
    code: String
  ) throws {
    let usage = self.usage(in: region, state, excluding: replacing)
    func exceeded(_ quota: String, limit: Int, used: Int, link: String) -> SimulatorFailure {
      .azure(
        code,
        "Operation could not be completed as it results in exceeding approved \(quota) quota. "
          + "Additional details - Deployment Model: Resource Manager, Location: \(region), Current Limit: \(limit), "
          + "Current Usage: \(used), Additional Required: \(size.vCPUs), (Minimum) New Limit Required: "
          + "\(used + size.vCPUs). Submit a request for Quota increase at "
          + "https://aka.ms/ProdportalCRP/#blade/Microsoft_Azure_Capacity/UsageAndQuota.ReactView by specifying "
          + "parameters listed in the 'Details' section for deployment to succeed. Please read more about quota "
          + "limits at https://docs.microsoft.com/en-us/azure/azure-supportability/\(link)")
    }
    if usage.cores + size.vCPUs > vCPULimits.total {
      throw exceeded(
        "Total Regional Cores", limit: vCPULimits.total, used: usage.cores,
        link: "regional-quota-requests")
    }
    let familyUsed = usage.families[size.quotaFamily, default: 0]
    if familyUsed + size.vCPUs > vCPULimits.family {
      throw exceeded(
        "\(size.quotaFamily) Cores", limit: vCPULimits.family, used: familyUsed,
        link: "per-vm-quota-requests")
    }
  }

  /// Azure's `SkuNotAvailable` for a size that cannot be created in a region.
  static func skuNotAvailable(_ size: String, in region: String) -> SimulatorFailure {
    .azure(
      "SkuNotAvailable",
      "The requested VM size for resource 'Following SKUs have failed for Capacity Restrictions: \(size)' "
        + "is currently not available in location '\(region)'. Please try another size or deploy to a "
        + "different location or different zone. See https://aka.ms/azureskunotavailable for details."
    )
  }

  /// The size named `name`, which must be offered in `region`.
  /// - Throws: `SkuNotAvailable` for a size the region does not offer (or nobody offers).
  func offeredSize(_ name: String, in region: String) throws -> VMSize {
    guard let size = catalog.vmSize(named: name), catalog.isOffered(size: size.name, in: region)
    else {
      throw Self.skuNotAvailable(name, in: region)
    }
    return size
  }

  /// `az vm list-usage --location`: quota use and limits in a region.
  ///
  /// az prints `currentValue` and `limit` as strings (its output transform turns them into
  /// text), and adds `localName`.
  func vmListUsage(_ call: SimulatorCall, _ state: inout SimulatorState) throws -> SimulatorResponse
  {
    let region = try self.region(
      call.string("--location")!, resourceType: "Microsoft.Compute/locations/usages")
    let usage = self.usage(in: region, state)
    var rows: [JSONValue] = Self.otherLimits.map { entry in
      let current: Int
      switch entry.value {
      case "cores": current = usage.cores
      case "virtualMachines": current = usage.virtualMachines
      default: current = 0
      }
      return Self.usageJSON(
        value: entry.value, name: entry.name, current: current,
        limit: entry.value == "cores" ? vCPULimits.total : entry.limit)
    }
    var families: [(String, String)] = []
    for size in catalog.sizesOffered(in: region)
    where !families.contains(where: { $0.0 == size.quotaFamily }) {
      families.append((size.quotaFamily, "Standard \(size.family) Family vCPUs"))
    }
    for (value, name) in families.sorted(by: { $0.0 < $1.0 }) {
      rows.append(
        Self.usageJSON(
          value: value, name: name, current: usage.families[value, default: 0],
          limit: vCPULimits.family))
    }
    return SimulatorResponse(.array(rows), duration: Self.readDuration, table: Self.usageTable)
  }

  /// az's table for usages: Name, CurrentValue, Limit.
  static let usageTable: SimulatorRenderer.TableTransform = { value in
    (value.arrayValue ?? []).map {
      [
        ("Name", $0["localName"] ?? .null), ("CurrentValue", $0["currentValue"] ?? .null),
        ("Limit", $0["limit"] ?? .null),
      ]
    }
  }

  private static func usageJSON(value: String, name: String, current: Int, limit: Int) -> JSONValue
  {
    .object([
      ("currentValue", .string(String(current))),
      ("limit", .string(String(limit))),
      ("localName", .string(name)),
      ("name", .object([("localizedValue", .string(name)), ("value", .string(value))])),
      ("unit", "Count"),
    ])
  }
}
