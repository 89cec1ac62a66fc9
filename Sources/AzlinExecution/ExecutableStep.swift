import AzlinAzure
import AzlinLedger
import AzlinPlanning

/// One step as the executor runs it: an operation, what it depends on, and how to undo it.
///
/// Fresh plans and resumed objectives both become executable steps, so they run through
/// the same loop.
public struct ExecutableStep: Equatable, Sendable {
  public var number: Int
  /// The step in words, for progress lines.
  public var summary: String
  /// What the step does, and to what: each strategy renders it in its own terms.
  public var operation: AzureOperation
  public var dependsOn: [Int]
  /// What the step creates or changes, with its undo command; nil when it cannot be undone.
  public var change: Objective.ResourceChange?
  /// For a group delete: what the group held when the plan was approved
  /// (`PlanStep.members`); anything more right before it runs stops it.
  public var approvedMembers: [String]?

  public init(
    number: Int, summary: String, operation: AzureOperation, dependsOn: [Int],
    change: Objective.ResourceChange?
  ) {
    self.number = number
    self.summary = summary
    self.operation = operation
    self.dependsOn = dependsOn
    self.change = change
  }

  /// The Azure CLI's form of the step: what the Azure CLI strategy runs, and what the audit
  /// log and objective record.
  public var command: AzCommand { AzCommand(operation) }

  /// A planned step; `live` is what exists when it was approved.
  public init(_ step: PlanStep, summary: String, live: LiveState? = nil) {
    defer {
      if case .deleteGroup = step.operation, let live {
        approvedMembers = PlanStep.members(ofGroup: step.resource.name, in: live)
      }
    }
    let r = step.resource
    var before: String?
    var after: String?
    switch step.operation {
    case .resizeVM(let from):
      before = from
      after = r.size
    case .power(let verb, let from):
      before = from
      after =
        verb == .start || verb == .restart ? "running" : (verb == .stop ? "stopped" : "deallocated")
    case .attachDisk(let vm), .detachDisk(let vm):
      after = vm
    default:
      break
    }
    self.init(
      number: step.number, summary: summary, operation: step.azureOperation,
      dependsOn: step.dependsOn,
      change: step.inverse.map { undo in
        Objective.ResourceChange(
          kind: r.kind.rawValue, name: r.name, resourceGroup: r.resourceGroup,
          change: step.action == .create ? "created" : "changed", before: before, after: after,
          undoArgv: ["az"] + AzCommand(undo).arguments, undoOperation: undo)
      })
  }

  /// A step recorded in an objective, for `/resume`; `nil` when no operation can be read
  /// from it (an older file with an argv azlin does not generate).
  public init?(recorded step: Objective.Step) {
    guard let operation = step.recordedOperation else { return nil }
    self.init(
      number: step.number, summary: step.summary, operation: operation,
      dependsOn: step.dependsOn,
      change: step.undoArgv.map { undo in
        Objective.ResourceChange(
          kind: operation.kind, name: operation.name, resourceGroup: operation.group,
          change: step.action == "create" ? "created" : "changed", before: nil,
          after: operation.expectedState, undoArgv: undo, undoOperation: step.recordedUndo)
      })
  }
}
