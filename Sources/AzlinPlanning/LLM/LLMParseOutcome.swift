/// What `LLMIntentParser` made of one line.
public enum LLMParseOutcome: Equatable, Sendable {
  /// The model's reply passed validation; always `.intents` with at least one intent.
  case parsed(ParseResult)
  /// No usable reply: the shell prints `reason` on one line and uses the local parser.
  case fellBack(reason: String)
}
