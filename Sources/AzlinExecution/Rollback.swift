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
    public var command: AzCommand
    /// True when the step deletes something.
    public var destroys: Bool
  }

  /// Why an objective cannot be undone.
  public enum Refusal: Equatable, Sendable {
    case nothingToUndo
    case drifted(resource: String, expected: String, found: String)
    case foreignResources(group: String, names: [String])
  }

  public init() {}

  /// The inverse plan for `objective` against `live`.
  public func plan(for objective: Objective, live: LiveState) -> Result<[Step], RefusalError> {
    var steps: [Step] = []
    let created = Set(
      objective.resourcesCreated.filter { $0.change == "created" }.map {
        "\($0.kind)/\($0.resourceGroup.lowercased())/\($0.name.lowercased())"
      })
    for change in objective.resourcesCreated.reversed() {
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
      } else if change.kind == "attachment" {
        // Undo detaches only while the disk is still attached where the step put it.
        guard
          let disk = live.disks.first(where: { $0.name.lowercased() == change.name.lowercased() })
        else { continue }
        let owner = disk.managedBy?.split(separator: "/").last.map { $0.lowercased() }
        let expected = change.after?.lowercased()
        if change.undoArgv.contains("detach") {
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
      } else if change.kind == "group" {
        guard live.group(named: change.name) != nil else { continue }
        let inGroup: (String) -> Bool = { $0.lowercased() == change.name.lowercased() }
        let foreign =
          live.vms.filter {
            inGroup($0.resourceGroup)
              && !created.contains("vm/\(change.name.lowercased())/\($0.name.lowercased())")
          }
          .map(\.name)
          + live.storageAccounts.filter {
            inGroup($0.resourceGroup)
              && !created.contains("storage/\(change.name.lowercased())/\($0.name.lowercased())")
          }.map(\.name)
          + live.disks.filter {
            inGroup($0.resourceGroup) && $0.managedBy == nil
              && !created.contains("disk/\(change.name.lowercased())/\($0.name.lowercased())")
          }.map(\.name)
        if !foreign.isEmpty {
          return .failure(
            RefusalError(refusal: .foreignResources(group: change.name, names: foreign.sorted())))
        }
      }
      let arguments = Array(change.undoArgv.dropFirst())
      steps.append(
        Step(change: change, command: AzCommand(arguments), destroys: arguments.contains("delete")))
    }
    if steps.isEmpty { return .failure(RefusalError(refusal: .nothingToUndo)) }
    return .success(steps)
  }
}

/// A refusal carried through `Result`.
public struct RefusalError: Error, Equatable, Sendable {
  public var refusal: Rollback.Refusal
}
