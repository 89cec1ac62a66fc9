import Foundation

extension AzCommand {
  /// The Azure CLI's form of `operation`: the argv the Azure CLI strategy runs, made by the
  /// builder of the same name (the one place an operation becomes az words).
  public init(_ operation: AzureOperation) {
    switch operation {
    case .groupCreate(let name, let location):
      self = .groupCreate(name: name, location: location)
    case .groupDelete(let name):
      self = .groupDelete(name: name)
    case .vmCreate(let name, let group, let location, let size, let image):
      self = .vmCreate(name: name, group: group, location: location, size: size, image: image)
    case .vmDelete(let name, let group):
      self = .vmDelete(name: name, group: group)
    case .vmPower(let verb, let name, let group):
      self = .vmPower(verb, name: name, group: group)
    case .vmResize(let name, let group, let size):
      self = .vmResize(name: name, group: group, size: size)
    case .storageCreate(let name, let group, let location, let sku):
      self = .storageCreate(name: name, group: group, location: location, sku: sku)
    case .storageDelete(let name, let group):
      self = .storageDelete(name: name, group: group)
    case .diskCreate(let name, let group, let location, let sizeGB, let sku):
      self = .diskCreate(name: name, group: group, location: location, sizeGB: sizeGB, sku: sku)
    case .diskCreateFromSnapshot(let name, let group, let location, let snapshot, let sku):
      self = .diskCreate(
        name: name, group: group, location: location, fromSnapshot: snapshot, sku: sku)
    case .diskDelete(let name, let group):
      self = .diskDelete(name: name, group: group)
    case .diskAttach(let disk, let vm, let group):
      self = .diskAttach(disk: disk, vm: vm, group: group)
    case .diskDetach(let disk, let vm, let group):
      self = .diskDetach(disk: disk, vm: vm, group: group)
    case .snapshotCreate(let name, let group, let location, let disk):
      self = .snapshotCreate(name: name, group: group, location: location, disk: disk)
    case .snapshotDelete(let name, let group):
      self = .snapshotDelete(name: name, group: group)
    case .securityRuleCreate(let rule, let nsg, let group, let priority, let ports, let sources):
      self = .securityRuleCreate(
        rule: rule, securityGroup: nsg, group: group, priority: priority, ports: ports,
        sources: sources)
    case .securityRuleDelete(let rule, let nsg, let group):
      self = .securityRuleDelete(rule: rule, securityGroup: nsg, group: group)
    case .vmAutoShutdown(let name, let group, let utc):
      self = .vmAutoShutdown(name: name, group: group, utc: utc)
    case .groupTagsReplace(let name, let tags):
      self = .groupTagsReplace(name: name, tags: tags)
    case .tagUpdate(let target, let name, let group, let key, let value):
      self = .tagUpdate(target, name: name, group: group, key: key, value: value)
    case .vmRunCommand(let name, let group, let script):
      self = .vmRunCommand(name: name, group: group, script: script)
    }
  }
}
