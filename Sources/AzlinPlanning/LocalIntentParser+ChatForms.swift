import Foundation

extension LocalIntentParser {
  /// The short forms of chat for the small words of a sentence: "can u", "list em", "r they
  /// up". Read as the words they stand for unless something live has that name.
  static let chatForms: [String: String] = [
    "u": "you", "ya": "you", "em": "them", "'em": "them", "r": "are", "ur": "your",
    "thx": "thanks", "tho": "though", "bc": "because", "cuz": "because", "coz": "because",
  ]
}

extension LocalIntentParser {
  /// Words that say what a machine is for or what it is like, not what it is called or how big
  /// it is: "a dev box", "a beefy machine for compiling", "a personal vm". Known, so they do
  /// not stop a request; never read as names.
  static let purposeWords: Set<String> = [
    "dev", "development", "beefy", "personal", "compiling", "builds", "learning", "workshop",
    "throwaway", "experiments", "experimenting", "testing",
  ]
}
