import AzlinAzure
import AzlinCore
import AzlinLedger
import Foundation

extension TurnEngine {
  /// Records every VM whose billing rate changed since the ledger last heard of it:
  /// created, stopped, deallocated, resized, started, or gone.
  func reconcileLedger() {
    let now = context.clock.now
    let last = ledger.latestEntries()
    var seen = Set<String>()
    do {
      for vm in live.vms {
        let key = "vm/\(vm.resourceGroup.lowercased())/\(vm.name.lowercased())"
        seen.insert(key)
        let rate = estimator.hourly(of: vm)
        if last[key]?.hourly != rate {
          try ledger.record(.init(at: now, resource: key, group: vm.resourceGroup, hourly: rate))
        }
      }
      for disk in CostEstimator.dataDisks(of: live, group: nil) {
        let key = "disk/\(disk.resourceGroup.lowercased())/\(disk.name.lowercased())"
        seen.insert(key)
        // A disk without a known price is not counted (as $0 or otherwise); /budget names it.
        let monthly = estimator.diskLines(name: disk.name, sku: disk.sku, sizeGB: disk.sizeGB)?
          .monthly
        if monthly == nil && last[key] == nil { continue }
        let rate = (monthly ?? .zero) * (1 / CostEstimate.hoursPerMonth)
        if last[key]?.hourly != rate {
          try ledger.record(.init(at: now, resource: key, group: disk.resourceGroup, hourly: rate))
        }
      }
      for (key, e) in last where !seen.contains(key) && e.hourly > .zero {
        try ledger.record(.init(at: now, resource: key, group: e.group, hourly: .zero))
      }
    } catch {
      output.error("azlin: cannot write the spend ledger: \(error)")
    }
  }

  /// Midnight UTC today and the first of this month, on the context's clock.
  var periodStarts: (day: Date, month: Date) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let now = context.clock.now
    let day = calendar.startOfDay(for: now)
    let month = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? day
    return (day, month)
  }

  /// The monthly run-rate of what exists (in one group, or all), priced once per snapshot.
  func runRate(group: String? = nil) -> Money {
    let key = group?.lowercased() ?? ""
    if let cached = runRates[key] { return cached }
    let rate = estimator.monthlyRunRate(of: live, group: group)
    runRates[key] = rate
    return rate
  }

  /// What was spent today and this month (all groups, or one).
  func spent(group: String? = nil) -> (today: Money, month: Money) {
    let now = context.clock.now
    let starts = periodStarts
    return (
      ledger.spent(from: starts.day, to: now, group: group).rounded,
      ledger.spent(from: starts.month, to: now, group: group).rounded
    )
  }
}
