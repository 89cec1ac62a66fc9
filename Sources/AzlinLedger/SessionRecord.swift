import AzlinCore
import Foundation

/// One shell run as kept in `sessions/<id>.json`: when it ran, what "it" referred to, and
/// what it did — so `azlin shell --resume` can pick the conversation up again.
public struct SessionRecord: Codable, Equatable, Sendable {
  public var id: String
  public var startedAt: String
  public var updatedAt: String
  public var backend: String
  public var turns: Int
  /// The VMs "it"/"them" referred to.
  public var vms: [String]
  public var resourceGroup: String?
  public var region: String?
  public var size: String?
  /// The objectives this session created, oldest first.
  public var objectives: [String]

  public init(id: String, startedAt: Date, backend: String) {
    self.id = id
    self.startedAt = Timestamp.string(startedAt)
    self.updatedAt = self.startedAt
    self.backend = backend
    self.turns = 0
    self.vms = []
    self.objectives = []
  }

  enum CodingKeys: String, CodingKey {
    case id, backend, turns, vms, region, size, objectives
    case startedAt = "started_at"
    case updatedAt = "updated_at"
    case resourceGroup = "resource_group"
  }
}

/// Keeps session records, each written atomically.
public struct SessionStore: Sendable {
  public let folder: String

  public init(folder: String) { self.folder = folder }

  /// Writes `record`.
  /// - Throws: `FileError`.
  public func save(_ record: SessionRecord) throws {
    try AzlinHome.makeFolder(folder)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicFile.write(try encoder.encode(record), to: "\(folder)/\(record.id).json")
  }

  /// Every readable record, most recently updated first.
  public func all() -> [SessionRecord] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let records = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.compactMap {
      name -> SessionRecord? in
      guard let data = FileManager.default.contents(atPath: "\(folder)/\(name)") else { return nil }
      return try? JSONDecoder().decode(SessionRecord.self, from: data)
    }
    return records.sorted { ($0.updatedAt, $0.id) > ($1.updatedAt, $1.id) }
  }
}
