import Foundation

extension LocalIntentParser {
  /// The short forms of chat for the small words of a sentence: "can u", "list em", "r they
  /// up". Read as the words they stand for unless something live has that name.
  static let chatForms: [String: String] = [
    "u": "you", "ya": "you", "em": "them", "'em": "them", "r": "are", "ur": "your",
    "thx": "thanks", "tho": "though", "bc": "because", "cuz": "because", "coz": "because",
  ]
}
