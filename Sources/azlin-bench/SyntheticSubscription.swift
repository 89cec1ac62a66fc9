import AzlinAzure
import Foundation

/// A simulated subscription of 500 VMs in 50 groups, spread over the catalogue's regions,
/// sizes and power states, with the names the parser corpus talks about (`sam`, `web1`,
/// `web2` in `azlin-rg` and `test-rg`).
enum SyntheticSubscription {
  /// The sizes VMs get, in rotation (each replaced by `Standard_B2s` where not offered).
  static let sizes = [
    "Standard_B2s", "Standard_D2s_v3", "Standard_B1s", "Standard_D4s_v3", "Standard_E2s_v5",
    "Standard_F4s_v2", "Standard_B2ms", "Standard_D2as_v5",
  ]

  /// The group names: `azlin-rg`, `test-rg`, then `rg-02`…
  static func groupName(_ index: Int) -> String {
    switch index {
    case 0: return "azlin-rg"
    case 1: return "test-rg"
    default: return String(format: "rg-%02d", index)
    }
  }

  /// The region of group `index`: `eastus`, `westeurope`, then the catalogue's in rotation.
  static func region(ofGroup index: Int) -> String {
    switch index {
    case 0: return "eastus"
    case 1: return "westeurope"
    default:
      let regions = AzureCatalog.bundled.regions
      return regions[index % regions.count]
    }
  }

  /// The name of VM `index` (0…9) in group `group`.
  static func vmName(group: Int, index: Int) -> String {
    switch (group, index) {
    case (0, 0): return "sam"
    case (1, 0): return "web1"
    case (1, 1): return "web2"
    default: return String(format: "vm-%02d-%d", group, index)
    }
  }

  /// `groups` × `perGroup` VMs, 70 % running, 20 % stopped, 10 % deallocated.
  static func live(groups: Int = 50, perGroup: Int = 10) -> LiveState {
    var live = LiveState()
    for g in 0..<groups {
      let group = groupName(g)
      let location = region(ofGroup: g)
      live.groups.append(.init(name: group, location: location))
      for i in 0..<perGroup {
        let n = g * perGroup + i
        let wanted = sizes[n % sizes.count]
        let size =
          AzureCatalog.bundled.isOffered(size: wanted, in: location) ? wanted : "Standard_B2s"
        let power = n % 10 < 7 ? "running" : (n % 10 < 9 ? "stopped" : "deallocated")
        let name = vmName(group: g, index: i)
        live.vms.append(
          .init(
            name: name, resourceGroup: group, location: location, size: size, powerState: power,
            id:
              "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/\(group)"
              + "/providers/Microsoft.Compute/virtualMachines/\(name)"))
      }
    }
    return live
  }
}
