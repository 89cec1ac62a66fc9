import AzlinCore
import Foundation

/// Keeps objectives in `objectives/<id>.json`, each written atomically with mode 0600.
public struct ObjectiveStore: Sendable {
  /// The folder.
  public let folder: String

  public init(folder: String) { self.folder = folder }

  private func path(_ id: String) -> String { "\(folder)/\(id).json" }

  /// Writes `objective` atomically.
  /// - Throws: `FileError` when it cannot be written.
  public func save(_ objective: Objective) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(objective)
    try AtomicFile.write(data + Data("\n".utf8), to: path(objective.id))
  }

  /// Reads one objective.
  /// - Throws: `ObjectiveError.corrupt` naming the file when it cannot be read.
  public func load(id: String) throws -> Objective {
    let file = path(id)
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ObjectiveError.corrupt(path: file, reason: "missing")
    }
    do {
      return try JSONDecoder().decode(Objective.self, from: data)
    } catch {
      throw ObjectiveError.corrupt(path: file, reason: "invalid JSON")
    }
  }

  /// Every readable objective, oldest first, and the files that could not be read.
  public func all() -> (objectives: [Objective], unreadable: [String]) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var objectives: [Objective] = []
    var unreadable: [String] = []
    for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
      let id = String(name.dropLast(5))
      do { objectives.append(try load(id: id)) } catch { unreadable.append("\(folder)/\(name)") }
    }
    objectives.sort { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    return (objectives, unreadable.sorted())
  }
}
