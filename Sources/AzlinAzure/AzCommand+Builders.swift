import AzlinCore
import Foundation

extension AzCommand {
  /// `az group create --name NAME --location REGION`.
  public static func groupCreate(name: String, location: String) -> AzCommand {
    AzCommand(["group", "create", "--name", name, "--location", location, "--tags", ownershipTag])
  }

  /// `az group delete --name NAME --yes`.
  public static func groupDelete(name: String) -> AzCommand {
    AzCommand(["group", "delete", "--name", name, "--yes"])
  }

  /// `az group list`.
  public static let groupList = AzCommand(["group", "list"])

  /// `az vm create …` with a generated SSH key, as azlin provisions Linux VMs.
  public static func vmCreate(
    name: String, group: String, location: String, size: String, image: String
  )
    -> AzCommand
  {
    AzCommand([
      "vm", "create", "--resource-group", group, "--name", name, "--location", location, "--size",
      size,
      "--image", image, "--admin-username", "azureuser", "--generate-ssh-keys",
      // Undo deletes the VM with its OS disk and NIC, leaving nothing behind.
      "--os-disk-delete-option", "Delete", "--nic-delete-option", "Delete",
      "--tags", ownershipTag,
    ])
  }

  /// `az vm delete --resource-group GROUP --name NAME --yes`.
  public static func vmDelete(name: String, group: String) -> AzCommand {
    AzCommand(["vm", "delete", "--resource-group", group, "--name", name, "--yes"])
  }

  /// `az vm list -d`: every VM with its power state.
  public static let vmListDetails = AzCommand(["vm", "list", "-d"])

  /// `az vm show -d --resource-group GROUP --name NAME`.
  public static func vmShow(name: String, group: String) -> AzCommand {
    AzCommand(["vm", "show", "-d", "--resource-group", group, "--name", name])
  }

  /// `az account show`.
  public static let accountShow = AzCommand(["account", "show"])
}

extension AzCommand {
  /// The tag azlin puts on what it creates, so undo never deletes what it did not create.
  public static let ownershipTag = "managed-by=azlin"

  /// `az vm start|stop|deallocate|restart --resource-group GROUP --name NAME`.
  public static func vmPower(_ verb: PowerVerb, name: String, group: String) -> AzCommand {
    AzCommand(["vm", verb.rawValue, "--resource-group", group, "--name", name])
  }

  /// `az vm resize --resource-group GROUP --name NAME --size SIZE`.
  public static func vmResize(name: String, group: String, size: String) -> AzCommand {
    AzCommand(["vm", "resize", "--resource-group", group, "--name", name, "--size", size])
  }

  /// The power operations of `az vm`.
  public enum PowerVerb: String, Codable, Sendable {
    case start, stop, deallocate, restart
  }
}

extension AzCommand {
  /// `az storage account create` with az's general-purpose v2 kind.
  public static func storageCreate(name: String, group: String, location: String, sku: String)
    -> AzCommand
  {
    AzCommand([
      "storage", "account", "create", "--name", name, "--resource-group", group, "--location",
      location,
      "--sku", sku, "--kind", "StorageV2", "--tags", ownershipTag,
    ])
  }

  /// `az storage account delete --name NAME --resource-group GROUP --yes`.
  public static func storageDelete(name: String, group: String) -> AzCommand {
    AzCommand(["storage", "account", "delete", "--name", name, "--resource-group", group, "--yes"])
  }

  /// `az storage account check-name --name NAME`.
  public static func storageCheckName(_ name: String) -> AzCommand {
    AzCommand(["storage", "account", "check-name", "--name", name])
  }

  /// `az disk create` for an empty managed data disk.
  public static func diskCreate(
    name: String, group: String, location: String, sizeGB: Int, sku: String
  ) -> AzCommand {
    AzCommand([
      "disk", "create", "--resource-group", group, "--name", name, "--location", location,
      "--size-gb",
      String(sizeGB), "--sku", sku, "--tags", ownershipTag,
    ])
  }

  /// `az disk delete --resource-group GROUP --name NAME --yes`.
  public static func diskDelete(name: String, group: String) -> AzCommand {
    AzCommand(["disk", "delete", "--resource-group", group, "--name", name, "--yes"])
  }

  /// `az vm disk attach --resource-group GROUP --vm-name VM --name DISK`.
  public static func diskAttach(disk: String, vm: String, group: String) -> AzCommand {
    AzCommand(["vm", "disk", "attach", "--resource-group", group, "--vm-name", vm, "--name", disk])
  }

  /// `az vm disk detach --resource-group GROUP --vm-name VM --name DISK`.
  public static func diskDetach(disk: String, vm: String, group: String) -> AzCommand {
    AzCommand(["vm", "disk", "detach", "--resource-group", group, "--vm-name", vm, "--name", disk])
  }
}

extension AzCommand {
  /// `az disk list --resource-group GROUP`: az lists managed disks per group.
  public static func diskList(group: String) -> AzCommand {
    AzCommand(["disk", "list", "--resource-group", group])
  }
}

extension AzCommand {
  /// `az group show --name NAME`.
  public static func groupShow(name: String) -> AzCommand {
    AzCommand(["group", "show", "--name", name])
  }

  /// `az group exists --name NAME`: prints `true` or `false`.
  public static func groupExists(name: String) -> AzCommand {
    AzCommand(["group", "exists", "--name", name])
  }

  /// `az storage account show --name NAME --resource-group GROUP`.
  public static func storageShow(name: String, group: String) -> AzCommand {
    AzCommand(["storage", "account", "show", "--name", name, "--resource-group", group])
  }

  /// `az disk show --resource-group GROUP --name NAME`.
  public static func diskShow(name: String, group: String) -> AzCommand {
    AzCommand(["disk", "show", "--resource-group", group, "--name", name])
  }
}
