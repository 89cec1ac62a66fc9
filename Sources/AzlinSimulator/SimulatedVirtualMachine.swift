import AzlinAzure
import Foundation

/// A virtual machine in the simulator's state, with the network pieces `az vm create` makes.
struct SimulatedVirtualMachine: Codable, Equatable {
  var name: String
  var resourceGroup: String
  var location: String
  var size: String
  var image: SimulatorImageReference
  var computerName: String
  var adminUsername: String
  /// The SSH public key; `nil` for a VM that signs in with a password.
  var sshPublicKey: String?
  var tags: [String: String]
  /// `running`, `stopped` or `deallocated`.
  var powerState: String
  var vmId: String
  var timeCreated: String
  var osDiskName: String
  /// `Delete` or `Detach`: what happens to the OS disk when the VM is deleted.
  var osDiskDeleteOption: String
  var dataDisks: [SimulatedDataDisk]
  var nicName: String
  var vnetName: String
  var subnetName: String
  var privateIpAddress: String
  var publicIpAddress: String?
  var fqdn: String?
  var macAddress: String
  /// The network security group on the VM's NIC; `nil` when it has none.
  var securityGroup: String?
  /// The daily auto-shutdown time, `HHMM` in UTC, as `az vm auto-shutdown --time` sets it.
  var autoShutdownUTC: String?
  var busy: SimulatorBusyState?
  /// When a deletion completes (seconds since 1970), while the VM is being deleted.
  var deletingAt: Double?
}

/// A data disk as a VM lists it: the disk lives in the state's disks, this is the attachment.
struct SimulatedDataDisk: Codable, Equatable {
  var lun: Int
  var diskName: String
  /// The disk's resource group (a VM may attach a disk from another group by its ID).
  var diskResourceGroup: String
  var caching: String
  var createOption: String
  /// `Delete` or `Detach`.
  var deleteOption: String
}
