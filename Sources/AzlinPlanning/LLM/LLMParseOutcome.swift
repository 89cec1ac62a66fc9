/// What `LLMIntentParser` made of one line.
public enum LLMParseOutcome: Equatable, Sendable {
  /// The model's reply passed validation: `.intents` with at least one intent, or
  /// `.notUnderstood(.later(…))` when the line puts the change at another time than now.
  case parsed(ParseResult)
  /// No usable reply: the shell prints `reason` on one line and uses the local parser.
  case fellBack(reason: String)
}
