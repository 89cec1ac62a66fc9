import AzlinAzure

extension TurnEngine {
  /// Words after which a VM name is expected.
  static let vmVerbs: Set<String> = [
    "stop", "start", "delete", "resize", "restart", "reboot", "deallocate", "show", "kill",
    "remove", "vm", "destroy",
    "boot", "halt",
  ]

  /// Words after which a group name is expected.
  static let groupWords: Set<String> = ["group", "rg", "in", "into"]

  /// Candidates for Tab: whole lines for slash commands, the last word otherwise.
  ///
  /// Reads only the cached live state, so completion never waits for the backend.
  public func completions(for lineBeforeCursor: String) -> [String] {
    let trimmed = lineBeforeCursor.drop(while: { $0 == " " })
    if trimmed.hasPrefix("/") {
      let words = trimmed.dropFirst().split(separator: " ", omittingEmptySubsequences: false).map(
        String.init)
      if words.count <= 1 {
        let prefix = words.first ?? ""
        return SlashCommand.all.flatMap { [$0.name] + $0.aliases }.filter {
          $0.hasPrefix(prefix.lowercased())
        }
        .compactMap { SlashCommand.named($0)?.name }.reduce(into: [String]()) {
          if !$0.contains($1) { $0.append($1) }
        }
        .map { "/" + $0 }
      }
      guard let command = SlashCommand.named(words[0].lowercased()) else { return [] }
      let args = Array(words.dropFirst())
      let prefix = args.last ?? ""
      let head = "/" + words[0] + " " + args.dropLast().map { $0 + " " }.joined()
      return command.complete(self, args).filter { $0.hasPrefix(prefix) }.map { head + $0 }
    }
    let words = lineBeforeCursor.split(separator: " ", omittingEmptySubsequences: false).map(
      String.init)
    let prefix = (words.last ?? "").lowercased()
    let previous = words.count >= 2 ? words[words.count - 2].lowercased() : ""
    var names: [String] = []
    if Self.groupWords.contains(previous) {
      names = live.groups.map(\.name)
    } else if Self.vmVerbs.contains(previous) || words.count >= 2 {
      names = live.vms.map(\.name)
    }
    return names.filter { $0.lowercased().hasPrefix(prefix) }.sorted()
  }
}
