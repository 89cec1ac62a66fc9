import AzlinAzure
import AzlinCore
import AzlinLedger
import Foundation

extension TurnEngine {
  /// "What's costing me the most": every VM and data disk by its monthly run-rate, highest
  /// first, with the share of the total (a VM's saving from auto-shutdown counted).
  func costRanking() -> [String] {
    var items: [(what: String, group: String, monthly: Money)] = []
    for vm in live.vms {
      var monthly = estimator.monthly(of: vm)
      if vm.powerState != "deallocated", let utc = vm.autoShutdownUTC {
        monthly = monthly - estimator.autoShutdownSaving(of: vm, utc: utc)
      }
      items.append(("VM \(vm.name) (\(vm.size), \(vm.powerState))", vm.resourceGroup, monthly))
    }
    for disk in CostEstimator.dataDisks(of: live, group: nil) {
      guard let line = estimator.diskLines(name: disk.name, sku: disk.sku, sizeGB: disk.sizeGB),
        let monthly = line.monthly
      else { continue }
      items.append(("disk \(disk.name) (\(disk.sizeGB) GB)", disk.resourceGroup, monthly))
    }
    return Messages.costRanking(items.sorted { $0.monthly > $1.monthly })
  }
}
