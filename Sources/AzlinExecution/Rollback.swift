import AzlinAzure
import AzlinCore
import AzlinLedger

/// Builds the inverse of an objective: what undoes each change, newest first.
///
/// It refuses when Azure changed since (a VM resized or power-cycled by hand) and never
/// deletes a group that now holds resources azlin did not create.
public struct Rollback: Sendable {
  /// One inverse step.
  public struct Step: Equatable, Sendable {
    public var change: Objective.ResourceChange
    /// What undoes the change.
    public var operation: AzureOperation
    /// The Azure CLI's form of the operation, as the undo shows it.
    public var command: AzCommand { AzCommand(operation) }
    /// True when the step deletes something.
    public var destroys: Bool { operation.deletes }
  }

  /// Why an objective cannot be undone.
  public enum Refusal: Equatable, Sendable {
    case nothingToUndo
    case drifted(resource: String, expected: String, found: String)
    case foreignResources(group: String, names: [String])
    /// An older objective file records an undo command azlin does not generate.
    case unreadableUndo(argv: [String])
  }

  public init() {}

  /// The inverse plan for `objective` against `live`.
  /// - Parameter others: Every recorded objective, to name which one made something this
  ///   undo would destroy but did not make ("disk d1, made by objective 0000abcd").
  public func plan(for objective: Objective, live: LiveState, others: [Objective] = [])
    -> Result<[Step], RefusalError>
  {
    // Who made what: "kind/group/name" → the objective's short ID.
    var makers: [String: String] = [:]
    for other in others where other.id != objective.id && other.status != .rolledBack {
      for change in other.resourcesCreated where change.change == "created" {
        makers["\(change.kind)/\(change.resourceGroup.lowercased())/\(change.name.lowercased())"] =
          String(other.id.suffix(8))
      }
    }
    func owner(_ kind: String, _ group: String, _ name: String) -> String {
      makers["\(kind)/\(group.lowercased())/\(name.lowercased())"].map { "made by objective \($0)" }
        ?? "made outside this objective's record"
    }
    var steps: [Step] = []
    let created = Set(
      objective.resourcesCreated.filter { $0.change == "created" }.map {
        "\($0.kind)/\($0.resourceGroup.lowercased())/\($0.name.lowercased())"
      })
    for change in objective.resourcesCreated.reversed() {
      guard let undo = change.recordedUndo else {
        return .failure(RefusalError(refusal: .unreadableUndo(argv: change.undoArgv)))
      }
      let vm = live.vms.first {
        $0.name.lowercased() == change.name.lowercased()
          && $0.resourceGroup.lowercased() == change.resourceGroup.lowercased()
      }
      if change.kind == "vm" {
        guard let vm else { continue }  // Already gone: nothing to undo for it.
        if change.change == "changed", let after = change.after {
          let found = after.hasPrefix("Standard_") ? vm.size : vm.powerState
          if found.lowercased() != after.lowercased() {
            return .failure(
              RefusalError(
                refusal: .drifted(resource: "VM \(change.name)", expected: after, found: found)))
          }
        }
      } else if change.kind == "storage" {
        guard !live.storageAccounts(named: change.name).isEmpty else { continue }
      } else if change.kind == "disk" {
        guard live.disks.contains(where: { $0.name.lowercased() == change.name.lowercased() })
        else { continue }
      } else if change.kind == "snapshot" {
        guard
          live.snapshots.contains(where: {
            $0.name.lowercased() == change.name.lowercased()
              && $0.resourceGroup.lowercased() == change.resourceGroup.lowercased()
          })
        else { continue }
      } else if change.kind == "attachment" {
        // Undo detaches only while the disk is still attached where the step put it.
        guard
          let disk = live.disks.first(where: { $0.name.lowercased() == change.name.lowercased() })
        else { continue }
        let owner = disk.managedBy?.split(separator: "/").last.map { $0.lowercased() }
        let expected = change.after?.lowercased()
        if case .diskDetach = undo {
          guard owner != nil else { continue }
          if let expected, owner != expected {
            return .failure(
              RefusalError(
                refusal: .drifted(
                  resource: "disk \(change.name)", expected: "attached to \(expected)",
                  found: "attached to \(owner!)")))
          }
        } else if owner != nil {
          continue
        }
      } else if change.kind == "group", case .groupDelete = undo {
        // Only an undo that deletes the group can take others' resources with it (a tag
        // change's undo is another tag change).
        guard live.group(named: change.name) != nil else { continue }
        let inGroup: (String) -> Bool = { $0.lowercased() == change.name.lowercased() }
        // Everything the group delete would take that this objective did not make: VMs,
        // storage accounts, data disks attached or not (an OS disk goes with its VM), and
        // snapshots.
        let g = change.name
        let foreign =
          live.vms.filter {
            inGroup($0.resourceGroup)
              && !created.contains("vm/\(g.lowercased())/\($0.name.lowercased())")
          }
          .map { "VM \($0.name) (\(owner("vm", g, $0.name)))" }
          + live.storageAccounts.filter {
            inGroup($0.resourceGroup)
              && !created.contains("storage/\(g.lowercased())/\($0.name.lowercased())")
          }.map { "storage account \($0.name) (\(owner("storage", g, $0.name)))" }
          + live.disks.filter {
            inGroup($0.resourceGroup) && !$0.isOSDisk
              && !created.contains("disk/\(g.lowercased())/\($0.name.lowercased())")
          }.map { "disk \($0.name) (\($0.sizeGB) GB, \(owner("disk", g, $0.name)))" }
          + live.snapshots.filter {
            inGroup($0.resourceGroup)
              && !created.contains("snapshot/\(g.lowercased())/\($0.name.lowercased())")
          }.map { "snapshot \($0.name) (\($0.sizeGB) GB, \(owner("snapshot", g, $0.name)))" }
        if !foreign.isEmpty {
          return .failure(
            RefusalError(refusal: .foreignResources(group: change.name, names: foreign.sorted())))
        }
      }
      steps.append(Step(change: change, operation: undo))
    }
    if steps.isEmpty { return .failure(RefusalError(refusal: .nothingToUndo)) }
    return .success(steps)
  }
}

/// A refusal carried through `Result`.
public struct RefusalError: Error, Equatable, Sendable {
  public var refusal: Rollback.Refusal
}
