import AzlinAzure
import Foundation

extension Transcript {
  /// The config sections a replay needs: `[defaults]`, `[budget]` (and its sub-tables),
  /// `[safety]` and `[execution]`. The LLM, MCP and documentation settings are left out:
  /// replay reads with the local parser, starts no server and searches nothing.
  static func replayedConfig(_ text: String) -> String {
    let kept = ["defaults", "budget", "safety", "execution"]
    var out: [String] = []
    var keeping = true
    for line in text.components(separatedBy: "\n") {
      let t = line.trimmingCharacters(in: .whitespaces)
      if t.hasPrefix("["), let close = t.firstIndex(of: "]") {
        let name = t[t.index(after: t.startIndex)..<close].trimmingCharacters(
          in: CharacterSet(charactersIn: "[] "))
        let table = name.split(separator: ".").first.map(String.init) ?? name
        keeping = kept.contains(table)
      }
      if keeping { out.append(line) }
    }
    while out.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { out.removeLast() }
    return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
  }

  /// az commands that make `state` on a fresh simulator: groups, VMs (stopped or
  /// deallocated as they were), storage accounts, data disks (attached where they were), and
  /// snapshots of data disks.
  /// The same for a session on the real az as on the simulator.
  public static func stateCommands(_ state: LiveState) -> [String] {
    var lines: [String] = []
    for g in state.groups {
      lines.append("group create --name \(g.name) --location \(g.location) -o none")
    }
    for vm in state.vms {
      lines.append(
        "vm create --resource-group \(vm.resourceGroup) --name \(vm.name) --location \(vm.location)"
          + " --size \(vm.size) --image Ubuntu2204 --admin-username azureuser --generate-ssh-keys"
          + " -o none")
      switch vm.powerState {
      case "stopped":
        lines.append("vm stop --resource-group \(vm.resourceGroup) --name \(vm.name) -o none")
      case "deallocated":
        lines.append("vm deallocate --resource-group \(vm.resourceGroup) --name \(vm.name) -o none")
      default: break
      }
    }
    for s in state.storageAccounts {
      lines.append(
        "storage account create --name \(s.name) --resource-group \(s.resourceGroup)"
          + " --location \(s.location) --sku \(s.sku) -o none")
    }
    for d in state.disks where !d.isOSDisk {
      let location = state.group(named: d.resourceGroup)?.location ?? "eastus"
      lines.append(
        "disk create --resource-group \(d.resourceGroup) --name \(d.name) --location \(location)"
          + " --size-gb \(d.sizeGB) --sku \(d.sku) -o none")
      if let owner = d.managedBy,
        let vm = state.vms.first(where: { $0.id.lowercased() == owner.lowercased() })
      {
        lines.append(
          "vm disk attach --resource-group \(vm.resourceGroup) --vm-name \(vm.name) --name \(d.name) -o none"
        )
      }
    }
    // Snapshots of data disks that still exist; one of an OS disk (whose name Azure makes up
    // anew with the VM) or of a disk gone since cannot be made again, and is left out.
    for snap in state.snapshots {
      guard let source = snap.sourceDisk, !LiveState.Disk.isOSDisk(named: source),
        state.disks.contains(where: { $0.name.lowercased() == source.lowercased() })
      else { continue }
      lines.append(
        "snapshot create --resource-group \(snap.resourceGroup) --name \(snap.name)"
          + " --location \(snap.location) --source \(source) -o none")
    }
    return lines
  }
}
