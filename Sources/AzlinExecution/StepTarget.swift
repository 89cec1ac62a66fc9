import AzlinAzure
import AzlinLedger
import AzlinPlanning

/// Reads an az argv back into the operation it carries out: only for objective files written
/// before steps recorded their operation (`Objective.Step.operation`,
/// `Objective.ResourceChange.undoOperation`), and for a step whose argv had a secret masked.
///
/// Everything else reads the typed operation; this is the one place, besides the Azure CLI
/// strategy that renders and runs them, where az's words are read for their meaning.
public enum StepTarget {
  /// The operation `argv` (with or without the leading `az`) carries out, or `nil` for a form
  /// azlin does not generate.
  public static func operation(argv: [String]) -> AzureOperation? {
    let words = argv.first == "az" ? Array(argv.dropFirst()) : argv
    let verb = words.prefix(while: { !$0.hasPrefix("-") }).joined(separator: " ")
    func value(_ flags: String...) -> String? {
      for (i, w) in words.enumerated() where flags.contains(w) && i + 1 < words.count {
        return words[i + 1]
      }
      return nil
    }
    /// The values after `flag`, up to the next flag.
    func values(_ flag: String) -> [String]? {
      guard let start = words.firstIndex(of: flag) else { return nil }
      return Array(words[(start + 1)...].prefix(while: { !$0.hasPrefix("--") }))
    }
    let name = value("--name", "-n") ?? ""
    let group = value("--resource-group", "-g") ?? ""
    let location = value("--location", "-l") ?? ""
    switch verb {
    case "group create": return .groupCreate(name: name, location: location)
    case "group delete": return .groupDelete(name: name)
    case "vm create":
      return .vmCreate(
        name: name, group: group, location: location, size: value("--size") ?? "",
        image: value("--image") ?? "")
    case "vm delete": return .vmDelete(name: name, group: group)
    case "vm start", "vm stop", "vm deallocate", "vm restart":
      guard let power = AzCommand.PowerVerb(rawValue: String(verb.dropFirst(3))) else {
        return nil
      }
      return .vmPower(power, name: name, group: group)
    case "vm resize": return .vmResize(name: name, group: group, size: value("--size") ?? "")
    case "storage account create":
      return .storageCreate(
        name: name, group: group, location: location, sku: value("--sku") ?? "")
    case "storage account delete": return .storageDelete(name: name, group: group)
    case "disk create":
      let sku = value("--sku") ?? "Premium_LRS"
      if let source = value("--source") {
        return .diskCreateFromSnapshot(
          name: name, group: group, location: location, snapshot: source, sku: sku)
      }
      guard let gb = value("--size-gb").flatMap(Int.init) else { return nil }
      return .diskCreate(name: name, group: group, location: location, sizeGB: gb, sku: sku)
    case "disk delete": return .diskDelete(name: name, group: group)
    case "vm disk attach", "vm disk detach":
      let vm = value("--vm-name") ?? ""
      return verb == "vm disk attach"
        ? .diskAttach(disk: name, vm: vm, group: group)
        : .diskDetach(disk: name, vm: vm, group: group)
    case "snapshot create":
      guard let source = value("--source") else { return nil }
      return .snapshotCreate(name: name, group: group, location: location, disk: source)
    case "snapshot delete": return .snapshotDelete(name: name, group: group)
    case "network nsg rule create":
      return .securityRuleCreate(
        rule: name, securityGroup: value("--nsg-name") ?? "", group: group,
        priority: value("--priority").flatMap(Int.init) ?? 0,
        ports: value("--destination-port-ranges") ?? "",
        sources: values("--source-address-prefixes") ?? ["*"])
    case "network nsg rule delete":
      return .securityRuleDelete(rule: name, securityGroup: value("--nsg-name") ?? "", group: group)
    case "vm auto-shutdown":
      return .vmAutoShutdown(name: name, group: group, utc: value("--time"))
    case "group update" where values("--tags") != nil:
      var tags: [String: String] = [:]
      for pair in values("--tags") ?? [] where !pair.isEmpty {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        tags[parts[0]] = parts.count > 1 ? parts[1] : ""
      }
      return .groupTagsReplace(name: name, tags: tags)
    case "vm update", "group update", "disk update", "storage account update":
      let target: AzCommand.TagTarget =
        switch verb {
        case "vm update": .vm
        case "group update": .group
        case "disk update": .disk
        default: .storage
        }
      if let set = value("--set"), set.hasPrefix("tags.") {
        let pair = set.dropFirst(5).split(separator: "=", maxSplits: 1).map(String.init)
        return .tagUpdate(
          target, name: name, group: group, key: pair.first ?? "",
          value: pair.count > 1 ? pair[1] : "")
      }
      if let removed = value("--remove"), removed.hasPrefix("tags.") {
        return .tagUpdate(
          target, name: name, group: group, key: String(removed.dropFirst(5)), value: nil)
      }
      return nil
    case "vm run-command invoke":
      return .vmRunCommand(name: name, group: group, script: value("--scripts") ?? "")
    default:
      return nil
    }
  }
}

extension Objective.Step {
  /// What the step does: as recorded, or read back from the argv of an older file.
  public var recordedOperation: AzureOperation? {
    operation ?? StepTarget.operation(argv: argv)
  }

  /// What undoes the step: as recorded, or read back from the undo argv of an older file.
  public var recordedUndo: AzureOperation? {
    undoOperation ?? undoArgv.flatMap(StepTarget.operation(argv:))
  }
}

extension Objective.ResourceChange {
  /// What undoes the change: as recorded, or read back from the undo argv of an older file.
  public var recordedUndo: AzureOperation? {
    undoOperation ?? StepTarget.operation(argv: undoArgv)
  }
}

extension Plan {
  /// The recorded steps as a plan to price (`/resume`), read back with
  /// `PlanStep(reading:number:live:)`.
  /// - Returns: The plan, and the commands of older files no operation can be read from
  ///   (priced as unknown).
  public static func reading(recorded steps: [Objective.Step], live: LiveState) -> (
    plan: Plan, unread: [AzCommand]
  ) {
    let unread = steps.filter { $0.recordedOperation == nil }.map {
      AzCommand(Array($0.argv.dropFirst()))
    }
    return (
      reading(steps.compactMap(\.recordedOperation), live: live), unread.filter { !$0.onlyReads }
    )
  }
}
