import AzlinAzure
import AzlinCore
import AzlinLedger
import Foundation

extension CostEstimator {
  /// What `plan` adds to (or takes from) the monthly run-rate, line by line: new VMs, disks
  /// and storage accounts at list prices; deletions, deallocations and resizes as changes
  /// of what exists in `live`.
  public func estimate(_ plan: Plan, live original: LiveState) -> CostEstimate {
    var estimate = CostEstimate()
    // Each step is priced against what the steps before it leave (a group delete after its
    // VMs' deletes saves nothing more for them).
    var live = original
    func monthly(_ vm: LiveState.VM) -> Money {
      (hourly(of: vm) * CostEstimate.hoursPerMonth).rounded
    }
    func change(_ item: String, _ amount: Money) {
      estimate.lines.append(
        .init(item: item, quantity: 1, hourly: nil, monthly: amount, confidence: .exact))
    }
    for step in plan.steps {
      defer { step.apply(to: &live) }
      let r = step.resource
      let vm = live.vms.first {
        $0.name == r.name && $0.resourceGroup.lowercased() == r.resourceGroup.lowercased()
      }
      switch step.operation {
      case .createVM:
        guard let size = r.size else { continue }
        estimate.lines += vmLines(label: "VM \(r.name)", size: size, region: r.location)
      case .deleteVM:
        if let vm { change("VM \(vm.name) deleted", .zero - monthly(vm)) }
      case .deleteGroup:
        for vm in live.vms where vm.resourceGroup.lowercased() == r.name.lowercased() {
          change("VM \(vm.name) deleted with its group", .zero - monthly(vm))
        }
        // Data disks bill on their own (a VM's price already holds its OS disk).
        for disk in live.disks
        where disk.resourceGroup.lowercased() == r.name.lowercased()
          && !PlanStep.isOSDisk(disk, in: live)
        {
          if let line = diskLines(name: disk.name, sku: disk.sku, sizeGB: disk.sizeGB) {
            change("disk \(disk.name) deleted with its group", .zero - (line.monthly ?? .zero))
          }
        }
        for snapshot in live.snapshots
        where snapshot.resourceGroup.lowercased() == r.name.lowercased() {
          let line = snapshotLine(name: snapshot.name, sizeGB: snapshot.sizeGB, sku: snapshot.sku)
          change(
            "snapshot \(snapshot.name) deleted with its group", .zero - (line.monthly ?? .zero))
        }
      case .power(let verb, let from):
        guard let vm, verb == .deallocate || (verb == .start && from == "deallocated") else {
          continue
        }
        var running = vm
        running.powerState = "running"
        var deallocated = vm
        deallocated.powerState = "deallocated"
        let compute = monthly(running) - monthly(deallocated)
        change(
          "VM \(vm.name) \(verb == .start ? "started" : "deallocated") (compute)",
          verb == .start ? compute : .zero - compute)
      case .resizeVM(let from):
        guard let vm, let size = r.size else { continue }
        var resized = vm
        resized.size = size
        change("VM \(vm.name) resized from \(from) to \(size)", monthly(resized) - monthly(vm))
      case .createDisk(let gb, let sku):
        if let disk = diskLines(name: r.name, sku: sku, sizeGB: gb) { estimate.lines.append(disk) }
      case .createStorage(let sku):
        estimate.lines.append(storageLine(name: r.name, sku: sku))
      case .deleteDisk:
        if let disk = live.disks.first(where: { $0.name == r.name }),
          let line = diskLines(name: disk.name, sku: disk.sku, sizeGB: disk.sizeGB)
        {
          change("disk \(disk.name) deleted", .zero - (line.monthly ?? .zero))
        }
      case .autoShutdown(let utc, let from):
        guard let vm, vm.powerState != "deallocated" else { continue }
        let before = from.map { autoShutdownSaving(of: vm, utc: $0) } ?? .zero
        let after = utc.map { autoShutdownSaving(of: vm, utc: $0) } ?? .zero
        let what =
          utc.map {
            "VM \(vm.name) shut down daily at \($0.prefix(2)):\($0.suffix(2)) UTC (compute)"
          }
          ?? "VM \(vm.name) auto-shutdown off (compute)"
        change(what, before - after)
      case .createGroup, .deleteStorage, .attachDisk, .detachDisk, .openPort, .closePort, .tag:
        continue
      case .createSnapshot(_, let gb):
        estimate.lines.append(snapshotLine(name: r.name, sizeGB: gb, sku: Self.snapshotSku))
      case .deleteSnapshot:
        if let snapshot = live.snapshots.first(where: {
          $0.name.lowercased() == r.name.lowercased()
            && $0.resourceGroup.lowercased() == r.resourceGroup.lowercased()
        }) {
          let line = snapshotLine(name: snapshot.name, sizeGB: snapshot.sizeGB, sku: snapshot.sku)
          change("snapshot \(snapshot.name) deleted", .zero - (line.monthly ?? .zero))
        }
      case .createDiskFromSnapshot(_, let gb, let sku):
        if let disk = diskLines(name: r.name, sku: sku, sizeGB: gb) { estimate.lines.append(disk) }
      case .runCommand:
        continue
      }
    }
    return estimate
  }
}
