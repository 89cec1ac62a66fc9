import Foundation

extension AzureOperation {
  /// The operation's name as words (`["vm", "disk", "attach"]`): what a tool's name is
  /// matched against.
  public var words: [String] { verb.split(separator: " ").map(String.init) }

  /// The operation's values by name, in the order az's form gives them: what a tool's
  /// arguments are made from. `words` followed by each parameter's `words` is the Azure CLI's
  /// form (`AzCommand(_:)`) word for word.
  public var parameters: [OperationParameter] {
    typealias P = OperationParameter
    let owned = P("tags", .text(AzCommand.ownershipTag))
    switch self {
    case .groupCreate(let name, let location):
      return [P("name", .text(name)), P("location", .text(location)), owned]
    case .groupDelete(let name):
      return [P("name", .text(name)), P("yes", .flag)]
    case .vmCreate(let name, let group, let location, let size, let image):
      return [
        P("resource-group", .text(group)), P("name", .text(name)),
        P("location", .text(location)), P("size", .text(size)), P("image", .text(image)),
        P("admin-username", .text("azureuser")), P("generate-ssh-keys", .flag),
        P("os-disk-delete-option", .text("Delete")), P("nic-delete-option", .text("Delete")),
        owned,
      ]
    case .vmDelete(let name, let group), .diskDelete(let name, let group):
      return [P("resource-group", .text(group)), P("name", .text(name)), P("yes", .flag)]
    case .vmPower(_, let name, let group), .snapshotDelete(let name, let group):
      return [P("resource-group", .text(group)), P("name", .text(name))]
    case .vmResize(let name, let group, let size):
      return [P("resource-group", .text(group)), P("name", .text(name)), P("size", .text(size))]
    case .storageCreate(let name, let group, let location, let sku):
      return [
        P("name", .text(name)), P("resource-group", .text(group)),
        P("location", .text(location)), P("sku", .text(sku)), P("kind", .text("StorageV2")),
        owned,
      ]
    case .storageDelete(let name, let group):
      return [P("name", .text(name)), P("resource-group", .text(group)), P("yes", .flag)]
    case .diskCreate(let name, let group, let location, let sizeGB, let sku):
      return [
        P("resource-group", .text(group)), P("name", .text(name)),
        P("location", .text(location)), P("size-gb", .number(sizeGB)), P("sku", .text(sku)),
        owned,
      ]
    case .diskCreateFromSnapshot(let name, let group, let location, let snapshot, let sku):
      return [
        P("resource-group", .text(group)), P("name", .text(name)),
        P("location", .text(location)), P("source", .text(snapshot)), P("sku", .text(sku)),
        owned,
      ]
    case .diskAttach(let disk, let vm, let group), .diskDetach(let disk, let vm, let group):
      return [
        P("resource-group", .text(group)), P("vm-name", .text(vm)), P("name", .text(disk)),
      ]
    case .snapshotCreate(let name, let group, let location, let disk):
      return [
        P("resource-group", .text(group)), P("name", .text(name)),
        P("location", .text(location)), P("source", .text(disk)), owned,
      ]
    case .securityRuleCreate(let rule, let nsg, let group, let priority, let ports, let sources):
      return [
        P("resource-group", .text(group)), P("nsg-name", .text(nsg)), P("name", .text(rule)),
        P("priority", .number(priority)), P("direction", .text("Inbound")),
        P("access", .text("Allow")), P("protocol", .text("Tcp")),
        P("destination-port-ranges", .text(ports)), P("source-address-prefixes", .list(sources)),
      ]
    case .securityRuleDelete(let rule, let nsg, let group):
      return [
        P("resource-group", .text(group)), P("nsg-name", .text(nsg)), P("name", .text(rule)),
      ]
    case .vmAutoShutdown(let name, let group, let utc):
      return [
        P("resource-group", .text(group)), P("name", .text(name)),
        utc.map { P("time", .text($0)) } ?? P("off", .flag),
      ]
    case .groupTagsReplace(let name, let tags):
      let pairs = tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      return [P("name", .text(name)), P("tags", .list(pairs.isEmpty ? [""] : pairs))]
    case .tagUpdate(let target, let name, let group, let key, let value):
      let change =
        value.map { P("set", .text("tags.\(key)=\($0)")) } ?? P("remove", .text("tags.\(key)"))
      let scope =
        target == .group ? [] : [P("resource-group", .text(group))]
      return scope + [P("name", .text(name)), change]
    case .vmRunCommand(let name, let group, let script):
      return [
        P("resource-group", .text(group)), P("name", .text(name)),
        P("command-id", .text("RunShellScript")), P("scripts", .text(script)),
      ]
    }
  }
}
