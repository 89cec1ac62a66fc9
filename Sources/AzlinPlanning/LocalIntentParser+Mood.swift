import Foundation

extension LocalIntentParser {
  /// Words that carry no request: greetings, thanks, politeness and filler. A clause of nothing
  /// else is an aside and is skipped; elsewhere they are accounted for without meaning.
  static let fillerWords: Set<String> = [
    "hi", "hello", "hey", "ok", "okay", "k", "cool", "great", "nice", "awesome", "perfect",
    "thanks", "thank", "thx", "ty", "cheers", "please", "pls", "plz", "kindly", "so", "well", "oh",
    "ah", "hmm", "hm", "um", "uh", "yikes", "oops", "lol", "haha", "fine", "alright", "right",
    "sure", "good", "morning", "evening", "afternoon", "sorry", "yeah", "yep", "yes", "just",
    "now", "then", "quickly", "actually", "really", "maybe", "probably", "again", "too", "also",
    "i'm", "im", "i've", "ive", "i'd", "i'll", "you", "your", "we're", "we'll", "let's", "lets",
    "could", "would", "can", "will", "want", "wanna", "need", "like", "love", "think", "guess",
    "done", "finished", "today", "tonight", "tomorrow", "anymore", "already", "yet", "still",
    "though", "tho", "anyway", "anyways", "btw", "ps", "hmmm", "wow", "dear", "friend", "buddy",
    "mate", "team", "folks", "guys", "there", "here", "something", "stuff", "thing", "things",
    "idea", "sounds", "seems", "looks", "ready", "go", "going", "gonna", "after", "all", "a",
    "an", "the", "it", "that", "this", "is", "be", "am", "are", "was", "i", "me", "my", "to",
    "for", "of", "and", "but", "or", "in", "on", "at", "with", "some", "bit", "lot", "very",
    "much", "many", "more", "less", "one", "ones", "way", "day", "night", "work", "working",
    "fast", "asap", "immediately", "quick", "please?", "nvm", "no", "not", "don't", "dont",
    "won't", "wont", "let", "know", "see", "say", "said", "tell", "told", "help", "helping",
    "ever", "every", "since", "because", "cause", "as", "if", "when", "while", "what", "which",
    "who", "why", "how", "where", "do", "does", "did", "have", "has", "had", "get", "got", "keep",
    "keeping", "paying", "pay", "money", "overkill", "slow",
    "big", "small", "first", "last", "next", "other",
    "others", "new", "old", "same", "else", "instead", "rather", "course", "of", "sorta", "kinda",
    "real", "quite", "pretty", "super", "totally", "definitely", "honestly", "basically",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
    "lunch", "later", "soon", "hour", "hours", "minute", "minutes", "week", "weeks", "month",
    "months", "nah", "nope", "point", "you've", "we've", "needs", "entirely", "completely",
    "fully", "permanently", "live", "traffic", "says", "slow", "struggling", "broken",
    "healthy", "people", "users", "anyway", "worries", "problem", "forever", "overnight",
    "currently", "right", "exactly", "azure", "cloud", "ahead", "you're", "youre", "we're",
    "while", "at", "pretty", "new", "him", "her", "his", "hers", "they're", "theyre", "lol",
    "stuff", "bunch", "whatnot", "etc", "sorry", "meant", "mean", "oh", "ohh", "wait", "hmm",
    "either", "neither", "both", "each", "any", "anything",
    "everything", "nothing", "whatever", "whichever", "whole", "entire", "only", "even",
  ]

  /// How a line begins when it asks about an operation instead of asking for it.
  static let hypotheticalMarkers: [[String]] = [
    ["what", "happens", "if"], ["what", "would", "happen", "if"], ["what", "will", "happen", "if"],
    ["what", "happens", "when"], ["what", "if"], ["what", "would", "happen", "to"],
    ["how", "do", "i"], ["how", "can", "i"], ["how", "would", "i"], ["how", "should", "i"],
    ["how", "do", "you"], ["how", "to"], ["how", "does", "one"],
    ["can", "i"], ["could", "i"], ["should", "i"], ["may", "i"], ["am", "i", "able", "to"],
    ["is", "it", "possible", "to"], ["is", "it", "safe", "to"], ["is", "it", "ok", "to"],
    ["is", "it", "okay", "to"], ["would", "it", "be"], ["do", "i", "need", "to"],
    ["do", "i", "have", "to"], ["what's", "the", "difference"], ["whats", "the", "difference"],
    ["what", "is", "the", "difference"], ["difference", "between"], ["why"], ["if", "i"],
    ["if", "we"], ["what", "does"], ["what", "do", "i", "lose"], ["would", "i", "lose"],
    ["will", "i", "lose"], ["does", "it"], ["do", "you", "think"], ["is", "there", "a", "way"],
    ["explain"], ["would", "that"], ["would", "it"], ["will", "that"], ["will", "it"],
    ["does", "that"], ["is", "that", "going", "to"], ["what's", "the", "best", "way"],
    ["what", "is", "the", "best", "way"],
    ["hypothetically"], ["in", "theory"], ["just", "asking"],
    // Intentions for later, not requests now: "I was going to create …", "I'll probably delete …".
    ["i", "was", "going", "to"], ["i", "was", "gonna"], ["i'll", "probably"], ["ill", "probably"],
    ["i", "will", "probably"], ["i", "might"], ["we", "might"], ["i", "may"], ["maybe", "i'll"],
    ["i'm", "thinking", "about"], ["i'm", "thinking", "of"], ["im", "thinking", "about"],
    ["thinking", "about"], ["thinking", "of"], ["i", "was", "thinking"], ["i", "plan", "to"],
    ["i'm", "planning", "to"], ["planning", "to"], ["at", "some", "point"],
  ]

  /// How a line begins when it revises the previous request ("actually, put it in westeurope").
  public static let correctionMarkers: [[String]] = [
    ["no", "wait"], ["wait", "no"], ["scratch", "that"], ["on", "second", "thought"],
    ["on", "second", "thoughts"], ["i", "meant"], ["i", "mean"], ["sorry", "i", "meant"],
    ["oh", "sorry", "i", "meant"], ["no", "i", "meant"], ["actually"], ["instead"],
    ["make", "that"], ["change", "that", "to"], ["rather"], ["correction"], ["oops"],
    ["no", "sorry"], ["wait"], ["hmm", "actually"], ["no"],
  ]

  /// The number of words a hypothetical marker takes at the start of `lower` (after filler),
  /// or nil when the line asks for something.
  static func hypotheticalPrefix(_ lower: [String]) -> Int? {
    var start = 0
    while start < lower.count,
      [
        "ok", "okay", "so", "hmm", "hm", "hey", "quick", "question", ",", "um", "and", "but",
        "then", "oh", "well", "alright",
      ]
      .contains(lower[start])
    {
      start += 1
    }
    for marker in hypotheticalMarkers where start + marker.count <= lower.count {
      if Array(lower[start..<start + marker.count]) == marker { return start + marker.count }
    }
    // Later in the line: "too many. how would i get rid of some of them?".
    let strong: [[String]] = [
      ["how", "do", "i"], ["how", "would", "i"], ["how", "can", "i"], ["how", "should", "i"],
      ["what", "happens", "if"], ["what", "would", "happen"], ["is", "it", "possible"],
      ["can", "i"], ["should", "i"], ["what", "if", "i"],
    ]
    for i in lower.indices where i > start {
      for marker in strong where i + marker.count <= lower.count {
        if Array(lower[i..<i + marker.count]) == marker { return i + marker.count }
      }
    }
    return nil
  }

  /// True when a line asks about a change rather than asking for it — by its opening ("what
  /// happens if", "I'll probably"), or by a question mark alone. Used on every parser's result,
  /// so an LLM's reading of such a line is previewed too, never run.
  public static func asksRatherThanRequests(_ line: String) -> Bool {
    let lower = tokens(of: line).map { $0.lowercased() }
    return hypotheticalPrefix(lower) != nil || asksWithoutAsking(line, words: lower)
  }

  /// True when a line is a question by its mark alone: "the disk is attached now to app?",
  /// "resize sam to a b4ms?". A change said with a rising question mark checks before acting,
  /// so it is previewed; a line that asks someone to act ("can you stop sam?", "stop sam
  /// please?") is still a request.
  static func asksWithoutAsking(_ line: String, words lower: [String]) -> Bool {
    guard line.trimmingCharacters(in: .whitespaces).hasSuffix("?") else { return false }
    let skipped: Set<String> = [
      "ok", "okay", "so", "and", "now", "then", "please", "pls", "hmm", "um", "oh", "well", ",",
      "also", "just", "hey", "alright",
    ]
    guard let at = lower.firstIndex(where: { !skipped.contains($0) }) else { return false }
    let next = at + 1 < lower.count ? lower[at + 1] : ""
    // "could you make me a vm called sam please?": a polite request anywhere in the line.
    let polite = lower.indices.contains { i in
      ["please", "pls", "plz"].contains(lower[i])
        || (["can", "could", "would", "will"].contains(lower[i]) && i + 1 < lower.count
          && ["you", "u", "ya"].contains(lower[i + 1]))
    }
    if polite || next == "" { return false }
    return correctionPrefix(lower) == nil
  }

  /// The number of words a correction marker takes at the start of `lower`, or nil.
  public static func correctionPrefix(_ lower: [String]) -> Int? {
    var at = 0
    var found = false
    // "oh sorry, i meant sam", "actually I meant the D2s_v5": markers in a row, commas between.
    while true {
      while at < lower.count, [",", "oh", "ok", "okay", "hmm", "yeah", "um"].contains(lower[at]) {
        at += 1
      }
      var best = 0
      for marker in correctionMarkers where at + marker.count <= lower.count {
        if Array(lower[at..<at + marker.count]) == marker { best = max(best, marker.count) }
      }
      guard best > 0 else { break }
      found = true
      at += best
    }
    while at < lower.count, lower[at] == "," { at += 1 }
    return found ? at : nil
  }

  /// True when every word is filler: the clause is an aside ("thanks!", "ok so", "i'm done").
  static func isAside(_ lower: [String]) -> Bool {
    !["what", "which", "is", "are", "how", "anything", "who", "whats", "what's", "where"].contains(
      lower.first { $0 != "," && $0 != "now" && $0 != "so" } ?? "")
      && !(lower.contains("how") && lower.contains("much"))
      && !lower.contains(where: {
        ["other", "others", "first", "last", "both", "rest", "second", "all", "everything", "new"]
          .contains($0)
      })
      && lower.allSatisfy { fillerWords.contains($0) || $0 == "," || $0 == "." }
  }
}

extension LocalIntentParser {
  /// True when any of `lower` is a verb of the grammar ("stop", "create", "deallocate").
  public static func mentionsVerb(_ lower: [String]) -> Bool {
    lower.contains { verbWords[$0] != nil }
  }

  /// True when `lower` holds a verb of change ("deallocate", "delete", "resize"…), not one
  /// that lists or prices, whether or not the line was understood.
  public static func mentionsChange(_ lower: [String]) -> Bool {
    lower.contains { word in verbWords[word].map { $0 != .list && $0 != .cost } ?? false }
  }
}
