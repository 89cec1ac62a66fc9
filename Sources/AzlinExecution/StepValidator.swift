import AzlinAzure
import AzlinCore

/// Checks, after a step reported success, that Azure shows what the step intended.
///
/// A zero exit code is not proof: the VM must exist with the size asked for and in the
/// power state asked for, the disk must be attached to that VM, the group must be gone.
/// Each check is one read through the backend (`az … show` or the simulator).
public struct StepValidator: @unchecked Sendable {
  /// What the check found.
  public enum Verdict: Equatable, Sendable {
    /// Live state shows the step's effect.
    case holds
    /// Live state differs; the text says how ("VM sam is stopped, expected running").
    case differs(String)
    /// The state could not be read; the step is not failed for it.
    case unchecked(String)
    /// Nothing to check for this kind of step.
    case notApplicable
  }

  private let backend: any AzureBackend

  public init(backend: any AzureBackend) { self.backend = backend }

  /// Checks `step` against live state.
  public func check(_ step: ExecutableStep) -> Verdict {
    let operation = step.operation
    let name = operation.name
    let group = operation.group
    switch operation {
    case .groupCreate:
      return exists(.groupShow(name: name), "group \(name)")
    case .groupDelete:
      let result = backend.run(.groupExists(name: name))
      guard result.succeeded else { return .unchecked(reason(result)) }
      return result.stdout.contains("false") ? .holds : .differs("group \(name) still exists")
    case .vmCreate, .vmPower, .vmResize:
      let result = backend.run(.vmShow(name: name, group: group))
      guard result.succeeded, let vm = result.json else {
        return missing(result, "VM \(name) does not exist")
      }
      var differences: [String] = []
      let size = vm.value(at: "hardwareProfile.vmSize")?.stringValue ?? "unknown"
      if let wanted = operation.size, wanted.lowercased() != size.lowercased() {
        differences.append("its size is \(size), expected \(wanted)")
      }
      let power = (vm["powerState"]?.stringValue ?? "unknown").replacingOccurrences(
        of: "VM ", with: "")
      let wantedPower: String? =
        switch operation {
        case .vmCreate: "running"
        case .vmResize: nil
        default: operation.expectedState
        }
      if let wantedPower, power != wantedPower {
        differences.append("it is \(power), expected \(wantedPower)")
      }
      return differences.isEmpty
        ? .holds : .differs("VM \(name): " + differences.joined(separator: "; "))
    case .vmDelete:
      return gone(.vmShow(name: name, group: group), "VM \(name)")
    case .storageCreate:
      return exists(.storageShow(name: name, group: group), "storage account \(name)")
    case .storageDelete:
      return gone(.storageShow(name: name, group: group), "storage account \(name)")
    case .diskCreate, .diskCreateFromSnapshot:
      return exists(.diskShow(name: name, group: group), "disk \(name)")
    case .diskDelete:
      return gone(.diskShow(name: name, group: group), "disk \(name)")
    case .snapshotCreate:
      return exists(.snapshotShow(name: name, group: group), "snapshot \(name)")
    case .snapshotDelete:
      return gone(.snapshotShow(name: name, group: group), "snapshot \(name)")
    case .diskAttach(_, let vm, _), .diskDetach(_, let vm, _):
      let result = backend.run(.diskShow(name: name, group: group))
      guard result.succeeded, let disk = result.json else {
        return missing(result, "disk \(name) does not exist")
      }
      let owner = disk["managedBy"]?.stringValue?.split(separator: "/").last.map(String.init)
      if case .diskAttach = operation {
        if owner?.lowercased() == vm.lowercased() { return .holds }
        return .differs(
          "disk \(name) is \(owner.map { "attached to \($0)" } ?? "not attached"), expected attached to \(vm)"
        )
      }
      return owner == nil ? .holds : .differs("disk \(name) is still attached to \(owner!)")
    case .securityRuleCreate, .securityRuleDelete, .vmAutoShutdown, .groupTagsReplace,
      .tagUpdate:
      // Read back what exists now, as the shell reads it, and look for the step's effect.
      do {
        let live = try LiveState.fetch(from: backend)
        return operation.holds(in: live)
          ? .holds : .differs("\(operation.describe(in: live)): the change is not there")
      } catch let error as AzError {
        return .unchecked("(\(error.code)) \(error.message)")
      } catch {
        return .unchecked("\(error)")
      }
    case .vmRunCommand:
      return .notApplicable
    }
  }

  private func exists(_ command: AzCommand, _ what: String) -> Verdict {
    let result = backend.run(command)
    return result.succeeded ? .holds : missing(result, "\(what) does not exist")
  }

  private func gone(_ command: AzCommand, _ what: String) -> Verdict {
    let result = backend.run(command)
    if result.succeeded { return .differs("\(what) still exists") }
    return Self.notFound(result) ? .holds : .unchecked(reason(result))
  }

  /// A failed read: "not found" is a difference, anything else leaves the step unchecked.
  private func missing(_ result: AzResult, _ difference: String) -> Verdict {
    Self.notFound(result) ? .differs(difference) : .unchecked(reason(result))
  }

  static func notFound(_ result: AzResult) -> Bool {
    guard let code = result.error?.code else { return false }
    return code == "ResourceNotFound" || code == "ResourceGroupNotFound" || code == "NotFound"
  }

  private func reason(_ result: AzResult) -> String {
    result.error.map { "(\($0.code)) \($0.message)" } ?? "no answer"
  }
}
