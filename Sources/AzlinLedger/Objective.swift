import AzlinAzure
import AzlinCore
import Foundation

/// One request and everything that happened to it, as stored in `objectives/<id>.json`.
public struct Objective: Codable, Equatable, Sendable {
  /// Where an objective is in its life.
  public enum Status: String, Codable, Sendable {
    case pending
    case inProgress = "in_progress"
    case completed, failed
    case rolledBack = "rolled_back"

    /// The statuses this one may move to.
    public var successors: Set<Status> {
      switch self {
      case .pending: return [.inProgress, .failed]
      case .inProgress: return [.completed, .failed, .rolledBack]
      case .completed, .failed: return [.rolledBack]
      case .rolledBack: return []
      }
    }
  }

  /// A planned step as recorded.
  public struct Step: Codable, Equatable, Sendable {
    public var number: Int
    public var action: String
    public var summary: String
    /// The Azure CLI's form of the step, secrets masked.
    public var argv: [String]
    public var undoArgv: [String]?
    public var dependsOn: [Int]
    /// What the step does, typed: the step's identity. Absent in files written before it was
    /// recorded, and for a step whose argv had a secret masked (the argv is then all there is).
    public var operation: AzureOperation?
    /// What undoes the step, typed; absent where `operation` is, or when it cannot be undone.
    public var undoOperation: AzureOperation?

    public init(
      number: Int, action: String, summary: String, argv: [String], undoArgv: [String]?,
      dependsOn: [Int], operation: AzureOperation? = nil, undoOperation: AzureOperation? = nil
    ) {
      self.number = number
      self.action = action
      self.summary = summary
      self.argv = argv
      self.undoArgv = undoArgv
      self.dependsOn = dependsOn
      self.operation = operation
      self.undoOperation = undoOperation
    }

    enum CodingKeys: String, CodingKey {
      case number, action, summary, argv, operation
      case undoArgv = "undo_argv"
      case dependsOn = "depends_on"
      case undoOperation = "undo_operation"
    }
  }

  /// What one executed command did.
  public struct StepResult: Codable, Equatable, Sendable {
    public var step: Int
    public var argv: [String]
    public var exitCode: Int32
    public var durationMs: Int
    public var errorCode: String?
    public var message: String?
    /// The strategy that ran it (`azure-cli`, `mcp:azure (azmcp_compute_vm_create)`, `terraform`).
    public var strategy: String?

    public init(
      step: Int, argv: [String], exitCode: Int32, durationMs: Int, errorCode: String?,
      message: String?, strategy: String? = nil
    ) {
      self.step = step
      self.argv = argv
      self.exitCode = exitCode
      self.durationMs = durationMs
      self.errorCode = errorCode
      self.message = message
      self.strategy = strategy
    }

    enum CodingKeys: String, CodingKey {
      case step, argv, message, strategy
      case exitCode = "exit_code"
      case durationMs = "duration_ms"
      case errorCode = "error_code"
    }
  }

  /// A resource the objective created or changed, and how to put it back.
  public struct ResourceChange: Codable, Equatable, Sendable {
    public var kind: String
    public var name: String
    public var resourceGroup: String
    /// `created` or `changed`.
    public var change: String
    /// What it looked like before a change (size or power state), for the drift check.
    public var before: String?
    /// What it should look like now, for the drift check.
    public var after: String?
    /// The Azure CLI's form of the undo.
    public var undoArgv: [String]
    /// What undoes the change, typed; absent in files written before it was recorded.
    public var undoOperation: AzureOperation?

    public init(
      kind: String, name: String, resourceGroup: String, change: String, before: String?,
      after: String?, undoArgv: [String], undoOperation: AzureOperation? = nil
    ) {
      self.kind = kind
      self.name = name
      self.resourceGroup = resourceGroup
      self.change = change
      self.before = before
      self.after = after
      self.undoArgv = undoArgv
      self.undoOperation = undoOperation
    }

    enum CodingKeys: String, CodingKey {
      case kind, name, change, before, after
      case resourceGroup = "resource_group"
      case undoArgv = "undo_argv"
      case undoOperation = "undo_operation"
    }
  }

  /// A status change with its time.
  public struct HistoryEntry: Codable, Equatable, Sendable {
    public var at: String
    public var status: Status
    public var note: String?
  }

  public var id: String
  public var session: String
  public var naturalLanguage: String
  public var intents: [String]
  public var status: Status
  public var plan: [Step]
  public var strategy: String
  /// Monthly cost of the plan, a decimal string in dollars.
  public var costEstimate: String?
  public var executionResults: [StepResult] = []
  public var resourcesCreated: [ResourceChange] = []
  public var executionHistory: [HistoryEntry] = []
  public var createdAt: String
  public var updatedAt: String
  public var errorMessage: String?

  enum CodingKeys: String, CodingKey {
    case id, session, intents, status, plan, strategy
    case naturalLanguage = "natural_language"
    case costEstimate = "cost_estimate"
    case executionResults = "execution_results"
    case resourcesCreated = "resources_created"
    case executionHistory = "execution_history"
    case createdAt = "created_at"
    case updatedAt = "updated_at"
    case errorMessage = "error_message"
  }

  public init(
    id: String, session: String, naturalLanguage: String, intents: [String], plan: [Step],
    strategy: String,
    costEstimate: String?, at: Date
  ) {
    self.id = id
    self.session = session
    self.naturalLanguage = naturalLanguage
    self.intents = intents
    self.status = .pending
    self.plan = plan
    self.strategy = strategy
    self.costEstimate = costEstimate
    self.createdAt = Timestamp.string(at)
    self.updatedAt = createdAt
    self.executionHistory = [HistoryEntry(at: createdAt, status: .pending, note: nil)]
  }

  /// Moves to `next`, recording when.
  /// - Throws: `ObjectiveError.illegalTransition` when the move is not allowed.
  public mutating func move(to next: Status, at date: Date, note: String? = nil) throws {
    guard status.successors.contains(next) else {
      throw ObjectiveError.illegalTransition(id: id, from: status, to: next)
    }
    status = next
    updatedAt = Timestamp.string(date)
    executionHistory.append(HistoryEntry(at: updatedAt, status: next, note: note))
  }
}

/// Errors about objectives.
public enum ObjectiveError: Error, Equatable, CustomStringConvertible {
  case illegalTransition(id: String, from: Objective.Status, to: Objective.Status)
  case corrupt(path: String, reason: String)

  public var description: String {
    switch self {
    case .illegalTransition(let id, let from, let to):
      return "objective \(id) cannot move from \(from.rawValue) to \(to.rawValue)"
    case .corrupt(let path, let reason):
      return "\(path) is not a readable objective (\(reason))"
    }
  }
}
