import AzlinConversation

extension ShellSandbox {
  /// The shell twin the figures drive: `root` as its `$AZLIN_HOME` (files already there are
  /// kept), no `config.toml`, and `--yes`.
  /// - Throws: `FileError` when the folder cannot be prepared.
  static func bench(root: String) throws -> ShellSandbox {
    var options = TurnEngine.Options()
    options.autoApprove = true
    return try ShellSandbox(options: options, version: "azlin-bench", root: root)
  }
}
