import AzlinMCPServer
import Testing

@Suite("Command-line splitter")
struct CommandLineSplitterTests {
  @Test(
    "splits as Python's shlex.split does, expanding nothing",
    arguments: [
      ("vm list -d", ["vm", "list", "-d"]),
      ("  group   list\t", ["group", "list"]),
      ("", []),
      ("--tags 'note=two words'", ["--tags", "note=two words"]),
      ("--tags \"note=two words\"", ["--tags", "note=two words"]),
      ("a'b c'd", ["ab cd"]),
      ("'' \"\"", ["", ""]),
      ("p\\ q", ["p q"]),
      ("\"q\\\"r\" \"s\\\\t\" \"x\\$y\"", ["q\"r", "s\\t", "x\\$y"]),
      ("'it\\s'", ["it\\s"]),
      ("$HOME * ~ ; rm -rf /", ["$HOME", "*", "~", ";", "rm", "-rf", "/"]),
    ])
  func split(line: String, words: [String]) throws {
    #expect(try CommandLineSplitter.split(line) == words)
  }

  @Test(
    "an unclosed quote or a trailing backslash cannot be split",
    arguments: ["'a", "\"a", "a\\", "\"a\\"])
  func unsplittable(line: String) {
    #expect(throws: AzureToolCallError.unsplittable(line)) { try CommandLineSplitter.split(line) }
  }
}
