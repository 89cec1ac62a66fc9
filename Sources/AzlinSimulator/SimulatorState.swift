import AzlinAzure
import AzlinCore
import Foundation

/// Everything the simulator remembers, persisted as `state.json` in its folder.
///
/// Every command reads, changes and writes the whole state under the folder's lock, so two
/// processes sharing the folder take turns and never see half a change.
struct SimulatorState: Codable, Equatable {
  /// The file format; a newer format is refused rather than misread.
  var version = SimulatorState.currentVersion
  var groups: [SimulatedGroup] = []
  var virtualMachines: [SimulatedVirtualMachine] = []
  var disks: [SimulatedDisk] = []
  var storageAccounts: [SimulatedStorageAccount] = []
  var virtualNetworks: [SimulatedVirtualNetwork] = []
  /// Disk snapshots; `nil` when there are none, so state files written before snapshots were
  /// modelled read as they are (read and change them through `diskSnapshots`).
  var snapshots: [SimulatedSnapshot]?
  /// Network security groups; absent from state files written before they were modelled.
  var securityGroups: [SimulatedSecurityGroup] = []
  /// How many times each fault rule has fired, by the rule's text.
  var faultCounts: [String: Int] = [:]
  /// Serial numbers for made-up addresses (public IPs, MAC addresses).
  var addressSerial = 0

  static let currentVersion = 1

  init() {}

  private enum CodingKeys: String, CodingKey {
    case version, groups, virtualMachines, disks, storageAccounts, virtualNetworks,
      securityGroups, faultCounts, addressSerial, snapshots
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    version = try c.decode(Int.self, forKey: .version)
    groups = try c.decode([SimulatedGroup].self, forKey: .groups)
    virtualMachines = try c.decode([SimulatedVirtualMachine].self, forKey: .virtualMachines)
    disks = try c.decode([SimulatedDisk].self, forKey: .disks)
    storageAccounts = try c.decode([SimulatedStorageAccount].self, forKey: .storageAccounts)
    virtualNetworks = try c.decode([SimulatedVirtualNetwork].self, forKey: .virtualNetworks)
    securityGroups =
      try c.decodeIfPresent([SimulatedSecurityGroup].self, forKey: .securityGroups) ?? []
    faultCounts = try c.decode([String: Int].self, forKey: .faultCounts)
    addressSerial = try c.decode(Int.self, forKey: .addressSerial)
    snapshots = try c.decodeIfPresent([SimulatedSnapshot].self, forKey: .snapshots)
  }

  /// Reads the state at `path`; a missing file is an empty state.
  /// - Throws: `SimulatorFailure` naming the path when the file cannot be read or is not a
  ///   state this version understands. The file is never reset silently.
  static func load(from path: String) throws -> SimulatorState {
    guard FileManager.default.fileExists(atPath: path) else { return SimulatorState() }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw corrupt(path, "it cannot be read (\(error.localizedDescription))")
    }
    do {
      let value = try JSONValue.parse(data: data)
      if let version = value["version"]?.intValue, version > currentVersion {
        throw corrupt(path, "it was written by a newer azlin (format \(version))")
      }
    } catch let failure as SimulatorFailure {
      throw failure
    } catch {
      throw corrupt(path, "\(error)")
    }
    do {
      return try JSONDecoder().decode(SimulatorState.self, from: data)
    } catch let DecodingError.keyNotFound(key, context) {
      throw corrupt(path, "\(describe(context.codingPath + [key])) is missing")
    } catch let DecodingError.typeMismatch(_, context) {
      throw corrupt(path, "\(describe(context.codingPath)) has the wrong type")
    } catch let DecodingError.valueNotFound(_, context) {
      throw corrupt(path, "\(describe(context.codingPath)) is null")
    } catch {
      throw corrupt(path, "\(error)")
    }
  }

  /// Writes the state to `path` atomically.
  /// - Throws: `SimulatorFailure` naming the path when it cannot be written.
  func save(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
      var data = try encoder.encode(self)
      data.append(0x0A)
      try AtomicFile.write(data, to: path)
    } catch {
      throw SimulatorFailure.azure(
        "SimulatorStateUnwritable",
        "The simulator state file '\(path)' cannot be written: \(error).")
    }
  }

  private static func corrupt(_ path: String, _ reason: String) -> SimulatorFailure {
    .azure(
      "SimulatorStateCorrupt",
      "The simulator state file '\(path)' is corrupt: \(reason). Move it aside (to state.json.bad, say) to start afresh; azlin left it as it is."
    )
  }

  private static func describe(_ path: [any CodingKey]) -> String {
    let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    return text.isEmpty ? "the top level" : String(text.drop(while: { $0 == "." }))
  }
}
