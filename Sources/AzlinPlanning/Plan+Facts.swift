import AzlinAzure

extension Plan {
  /// The facts this plan was made on, read from `live`: for each resource a step touches
  /// (and each step's group), whether it exists and its size, power, provisioning state
  /// and owner; for a group delete, everything in the group. Keyed by resource, each as the
  /// user reads it. A plan is run only while these still hold (issue 13, item 3).
  public func facts(in live: LiveState) -> [String: String] {
    var facts: [String: String] = [:]
    let same: (String, String) -> Bool = { $0.lowercased() == $1.lowercased() }
    var groups: [String: (name: String, contents: Bool)] = [:]
    func group(_ name: String, contents: Bool) {
      let key = name.lowercased()
      groups[key] = (name, contents || (groups[key]?.contents ?? false))
    }
    func vm(_ name: String, in groupName: String) {
      let key = "vm/\(groupName.lowercased())/\(name.lowercased())"
      if let v = live.vms.first(where: { same($0.name, name) && same($0.resourceGroup, groupName) })
      {
        facts[key] =
          "VM \(v.name) in \(v.resourceGroup): \(v.size), \(v.powerState), \(v.provisioningState)"
      } else {
        facts[key] = "VM \(name) in \(groupName): absent"
      }
    }
    func disk(_ name: String, in groupName: String) {
      let key = "disk/\(groupName.lowercased())/\(name.lowercased())"
      if let d = live.disks.first(where: {
        same($0.name, name) && same($0.resourceGroup, groupName)
      }) {
        let owner =
          d.managedBy?.split(separator: "/").last.map { "attached to \($0)" } ?? "detached"
        facts[key] = "disk \(d.name) in \(d.resourceGroup): \(d.sizeGB) GB, \(owner)"
      } else {
        facts[key] = "disk \(name) in \(groupName): absent"
      }
    }
    for step in steps {
      let r = step.resource
      if case .deleteGroup = step.operation {
        group(r.name, contents: true)
        continue
      }
      group(r.resourceGroup, contents: false)
      switch r.kind {
      case .resourceGroup: break
      case .virtualMachine: vm(r.name, in: r.resourceGroup)
      case .disk: disk(r.name, in: r.resourceGroup)
      case .diskAttachment:
        disk(r.name, in: r.resourceGroup)
        vm(r.size ?? "", in: r.resourceGroup)
      case .storageAccount:
        let key = "storage/\(r.name.lowercased())"
        if let a = live.storageAccounts(named: r.name).first {
          facts[key] = "storage account \(a.name): in \(a.resourceGroup), \(a.sku)"
        } else {
          facts[key] = "storage account \(r.name): absent"
        }
      case .snapshot:
        facts["snapshot/\(r.resourceGroup.lowercased())/\(r.name.lowercased())"] =
          Self.snapshotFact(r.name, in: r.resourceGroup, live: live)
        if case .createSnapshot = step.operation, let source = r.size {
          disk(source, in: r.resourceGroup)
        }
      }
      if case .createDiskFromSnapshot(let source, _, _) = step.operation {
        facts["snapshot/\(r.resourceGroup.lowercased())/\(source.lowercased())"] =
          Self.snapshotFact(source, in: r.resourceGroup, live: live)
      }
    }
    for (key, g) in groups {
      guard let found = live.group(named: g.name) else {
        facts["group/\(key)"] = "resource group \(g.name): absent"
        continue
      }
      var text = "resource group \(found.name): in \(found.location)"
      if g.contents {
        let inside = PlanStep.contents(ofGroup: found.name, in: live)
        text += inside.isEmpty ? ", empty" : ", holding " + inside.joined(separator: ", ")
      }
      facts["group/\(key)"] = text
    }
    return facts
  }

  /// The facts of `made` that `now` contradicts, as "was …, now …" phrases.
  public static func changedFacts(_ made: [String: String], _ now: [String: String]) -> [String] {
    made.keys.sorted().compactMap { key in
      guard let then = made[key], let current = now[key], then != current else { return nil }
      return
        "\(current) (was \(then.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? then))"
    }
  }
}
