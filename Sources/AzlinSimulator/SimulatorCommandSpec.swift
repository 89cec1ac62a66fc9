import AzlinAzure
import Foundation

/// One az command the simulator models: its words and the arguments az accepts for it.
struct SimulatorCommandSpec: Sendable {
  /// The command words: `["vm", "create"]`.
  var words: [String]
  /// az's one-line summary, for `--help`.
  var summary: String
  /// The command's own arguments (az's global arguments are added by the parser).
  var options: [SimulatorOption]
  /// Whether the command changes anything (and so has a modelled duration).
  var isMutating: Bool
  /// Whether `--ids` may stand in for the options that name the resource.
  var acceptsIDs: Bool { options.contains { $0.key == "--ids" } }

  /// `vm create`.
  var verb: String { words.joined(separator: " ") }

  /// The option with `name` among this command's options and az's global ones.
  func option(named name: String) -> SimulatorOption? {
    (options + SimulatorOption.globals).first { $0.names.contains(name) }
  }

  /// The command whose words are exactly `words`.
  static func command(_ words: [String]) -> SimulatorCommandSpec? {
    all.first { $0.words == words }
  }

  /// Whether `words` name a command group, such as `vm` or `vm disk`.
  static func isGroup(_ words: [String]) -> Bool {
    words.isEmpty
      || all.contains {
        $0.words.count > words.count && Array($0.words.prefix(words.count)) == words
      }
  }

  /// What `az <group> --help` lists: sub-groups and commands directly under `words`.
  static func children(of words: [String]) -> (groups: [String], commands: [SimulatorCommandSpec]) {
    var groups: [String] = []
    var commands: [SimulatorCommandSpec] = []
    for spec in all
    where spec.words.count > words.count && Array(spec.words.prefix(words.count)) == words {
      if spec.words.count == words.count + 1 {
        commands.append(spec)
      } else if !groups.contains(spec.words[words.count]) {
        groups.append(spec.words[words.count])
      }
    }
    return (groups.sorted(), commands.sorted { $0.verb < $1.verb })
  }
}
