import AzlinAzure
import AzlinCore
import Foundation

/// Prices resources from the bundled catalogue.
///
/// A VM is priced as az creates it: the VM size, its 30 GiB Premium SSD OS disk and its
/// Standard public IP. An unknown size is said to be unknown, never priced as another.
public struct CostEstimator: Sendable {
  let catalog: AzureCatalog
  /// When a VM with a daily auto-shutdown is taken to be started again, in minutes after
  /// midnight UTC (09:00 where the user is; the shell sets it from its time zone).
  public var dayStartsAtUTCMinute = 9 * 60

  public init(catalog: AzureCatalog = .bundled) { self.catalog = catalog }

  /// The OS disk az vm create gives a Linux VM.
  public static let osDiskGB = 30

  /// The lines for `count` VMs of `size` in `region`.
  /// - Parameters:
  ///   - label: What to call them ("VM sam").
  ///   - running: False for a deallocated VM: only its disk and IP cost.
  public func vmLines(
    label: String, size: String, region: String, count: Int = 1, running: Bool = true
  ) -> [CostEstimate.Line] {
    var lines: [CostEstimate.Line] = []
    let n = Decimal(count)
    if running {
      if let quote = catalog.vmPrice(size: size, region: region) {
        lines.append(
          .init(
            item: "\(label) (\(size), \(region))", quantity: count, hourly: quote.hourly,
            monthly: quote.monthly * n, confidence: quote.confidence))
      } else {
        lines.append(
          .init(
            item: "\(label) (\(size), \(region), size not in the price catalogue)", quantity: count,
            hourly: nil, monthly: nil, confidence: .unknown))
      }
    }
    if let disk = catalog.diskPrice(tier: "Premium_LRS", sizeGB: Self.osDiskGB) {
      lines.append(
        .init(
          item: "  OS disk (Premium SSD \(disk.sku))", quantity: count, hourly: nil,
          monthly: disk.monthly * n, confidence: .exact))
    }
    let ip = catalog.publicIPHourly
    lines.append(
      .init(
        item: "  public IP (Standard)", quantity: count, hourly: ip,
        monthly: ip * CostEstimate.hoursPerMonth * n, confidence: .exact))
    return lines
  }

  /// What what exists costs per month now: running VMs in full, stopped-but-allocated VMs in
  /// full (Azure bills them), deallocated VMs their disk and IP only.
  public func runRate(of live: LiveState, group: String? = nil) -> CostEstimate {
    var estimate = CostEstimate()
    for vm in live.vms where group.map(vm.resourceGroup.isSameName(as:)) ?? true {
      estimate.lines += vmLines(
        label: "VM \(vm.name)", size: vm.size, region: vm.location,
        running: vm.powerState != "deallocated")
      if vm.powerState != "deallocated", let utc = vm.autoShutdownUTC {
        let saving = autoShutdownSaving(of: vm, utc: utc)
        estimate.lines.append(
          .init(
            item: "  auto-shutdown at \(utc.prefix(2)):\(utc.suffix(2)) UTC", quantity: 1,
            hourly: nil, monthly: .zero - saving, confidence: .exact))
      }
    }
    for disk in Self.dataDisks(of: live, group: group) {
      if let line = diskLines(name: disk.name, sku: disk.sku, sizeGB: disk.sizeGB) {
        estimate.lines.append(line)
      }
    }
    estimate.lines += snapshotLines(of: live, group: group)
    return estimate
  }

  /// Managed disks other than VMs' OS disks (those are priced with their VM), attached or not:
  /// Azure bills a disk whether or not anything uses it.
  public static func dataDisks(of live: LiveState, group: String?) -> [LiveState.Disk] {
    live.disks.filter {
      !$0.isOSDisk
        && (group.map($0.resourceGroup.isSameName(as:)) ?? true)
    }
  }

  /// The monthly run-rate of what exists, as one sum: VMs of one size, region and billing
  /// state are priced once (a subscription of 500 VMs has a few dozen such kinds).
  public func monthlyRunRate(of live: LiveState, group: String? = nil) -> Money {
    var kinds: [String: (vm: LiveState.VM, count: Int)] = [:]
    for vm in live.vms where group.map(vm.resourceGroup.isSameName(as:)) ?? true {
      let key = "\(vm.size)|\(vm.location)|\(vm.powerState == "deallocated")"
      kinds[key, default: (vm, 0)].count += 1
    }
    let disks = Self.dataDisks(of: live, group: group).compactMap {
      diskLines(name: $0.name, sku: $0.sku, sizeGB: $0.sizeGB)?.monthly
    }.reduce(Money.zero, +)
    let snapshots = snapshotLines(of: live, group: group).compactMap(\.monthly).reduce(.zero, +)
    let savings = live.vms.filter {
      (group.map($0.resourceGroup.isSameName(as:)) ?? true)
        && $0.powerState != "deallocated" && $0.autoShutdownUTC != nil
    }.reduce(Money.zero) { $0 + autoShutdownSaving(of: $1, utc: $1.autoShutdownUTC!) }
    return disks + snapshots - savings
      + kinds.values.reduce(Money.zero) { total, kind in
        let lines = vmLines(
          label: "", size: kind.vm.size, region: kind.vm.location, count: kind.count,
          running: kind.vm.powerState != "deallocated")
        return total + lines.compactMap(\.monthly).reduce(.zero, +)
      }
  }

}

extension CostEstimator {
  /// What `vm` costs per hour in its current power state: everything while running or
  /// stopped (Azure bills allocated VMs), only its OS disk and public IP once deallocated.
  public func hourly(of vm: LiveState.VM) -> Money {
    monthly(of: vm) * (1 / CostEstimate.hoursPerMonth)
  }

  /// What `vm` costs per month in its current power state, as `runRate(of:group:)` counts it.
  public func monthly(of vm: LiveState.VM) -> Money {
    let lines = vmLines(
      label: vm.name, size: vm.size, region: vm.location, running: vm.powerState != "deallocated")
    return lines.compactMap(\.monthly).reduce(.zero, +)
  }
}

extension CostEstimator {
  /// The monthly line for a managed disk: the smallest tier size that holds `sizeGB`.
  public func diskLines(name: String, sku: String, sizeGB: Int) -> CostEstimate.Line? {
    guard let price = catalog.diskPrice(tier: sku, sizeGB: sizeGB) else {
      return .init(
        item: "disk \(name) (\(sku), \(sizeGB) GB)", quantity: 1, hourly: nil,
        monthly: nil, confidence: .unknown)
    }
    return .init(
      item: "disk \(name) (\(price.sku), \(sizeGB) GB)", quantity: 1, hourly: nil,
      monthly: price.monthly, confidence: .exact)
  }

  /// A storage account costs what it stores: the line says the per-GB price and adds nothing up front.
  public func storageLine(name: String, sku: String) -> CostEstimate.Line {
    let perGB = catalog.storagePricePerGB(redundancy: sku, accessTier: "Hot")
    let text =
      perGB.map { " — \(Self.plainDollars($0)) per GB stored per month, Hot tier" }
      ?? " — price unknown"
    return .init(
      item: "storage account \(name) (\(sku))\(text)", quantity: 1, hourly: nil, monthly: .zero,
      confidence: perGB == nil ? .unknown : .exact)
  }

  /// `$0.0208` with every significant digit.
  static func plainDollars(_ m: Money) -> String {
    "$" + NSDecimalNumber(decimal: m.amount).stringValue
  }
}
