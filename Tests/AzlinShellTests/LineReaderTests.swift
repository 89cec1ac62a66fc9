import Foundation
import Testing

@testable import AzlinShell

/// Feeds `bytes` through a real pipe and collects every result up to the end.
///
/// A separate thread writes, so inputs larger than the pipe's buffer do not block.
/// - Parameters:
///   - bytes: the input.
///   - chunkSize: bytes per `read` in the reader.
///   - extraReads: further `readLine` calls after the first end of file.
/// - Returns: the results, the first `.endOfFile` and the extra ones included.
private func readAll(_ bytes: [UInt8], chunkSize: Int = 64 * 1024, extraReads: Int = 0)
  -> [LineReadResult]
{
  var descriptors: [Int32] = [0, 0]
  precondition(pipe(&descriptors) == 0, "pipe() failed")
  let (readEnd, writeEnd) = (descriptors[0], descriptors[1])
  let writer = Thread {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(writeEnd, raw.baseAddress! + offset, raw.count - offset)
        if written <= 0 {
          break
        }
        offset += written
      }
    }
    close(writeEnd)
  }
  writer.start()
  defer { close(readEnd) }
  let reader = PipeLineReader(fileDescriptor: readEnd, chunkSize: chunkSize)
  var results: [LineReadResult] = []
  while true {
    let result = reader.readLine(prompt: "azlin> ")
    results.append(result)
    if result == .endOfFile {
      break
    }
  }
  for _ in 0..<extraReads {
    results.append(reader.readLine(prompt: "azlin> "))
  }
  return results
}

private func bytes(_ text: String) -> [UInt8] {
  Array(text.utf8)
}

@Suite("PipeLineReader")
struct PipeLineReaderTests {
  static let cases: [(input: [UInt8], lines: [String])] = [
    (bytes("/budget\n/help\n"), ["/budget", "/help"]),
    (bytes("/budget\r\n/help\r\n"), ["/budget", "/help"]),
    (bytes("/budget\n/help"), ["/budget", "/help"]),
    (bytes("last line without newline\r"), ["last line without newline"]),
    (bytes(""), []),
    (bytes("\n\n\r\n"), ["", "", ""]),
    (bytes("a\rb\n"), ["a\rb"]),
    (bytes("\u{FEFF}/budget\n\u{FEFF}x\n"), ["/budget", "\u{FEFF}x"]),
    (bytes("héllo wörld ☁️\n"), ["héllo wörld ☁️"]),
    ([0x66, 0xFF, 0x6F, 0x0A, 0xC3], ["f\u{FFFD}o", "\u{FFFD}"]),
    ([0xE2, 0x98, 0x0A], ["\u{FFFD}"]),
  ]

  @Test("splits lines, drops CR, keeps the last line, repairs UTF-8", arguments: cases)
  func splitsLines(input: [UInt8], lines: [String]) {
    #expect(readAll(input) == lines.map { .line($0) } + [.endOfFile])
  }

  @Test("chunk boundaries do not change the lines", arguments: [1, 2, 3, 7, 4096])
  func chunkBoundaries(chunkSize: Int) {
    let input = bytes("/budget\r\n\nhéllo\r\n\u{FEFF}tail\r")
    let expected: [LineReadResult] = [
      .line("/budget"), .line(""), .line("héllo"), .line("\u{FEFF}tail"), .endOfFile,
    ]
    #expect(readAll(input, chunkSize: chunkSize) == expected)
  }

  @Test("a line over 1 MiB is returned whole, in linear time", arguments: [1000, 65_536])
  func longLine(chunkSize: Int) {
    let long = [UInt8](repeating: UInt8(ascii: "x"), count: 1_048_576 + 123)
    let input = bytes("before\n") + long + bytes("\r\nafter")
    let clock = ContinuousClock()
    var results: [LineReadResult] = []
    let elapsed = clock.measure { results = readAll(input, chunkSize: chunkSize) }
    #expect(results.count == 4)
    #expect(results.first == .line("before"))
    if results.count == 4, case .line(let line) = results[1] {
      #expect(line.utf8.count == long.count)
      #expect(line.utf8.allSatisfy { $0 == UInt8(ascii: "x") })
    } else {
      Issue.record("the long line is missing: \(results.count) results")
    }
    #expect(results.suffix(2) == [.line("after"), .endOfFile])
    #expect(elapsed < .seconds(10))
  }

  @Test("end of file is repeated on every later read")
  func endOfFileRepeats() {
    #expect(
      readAll(bytes("x\n"), extraReads: 2) == [.line("x"), .endOfFile, .endOfFile, .endOfFile])
  }

  @Test("an unreadable descriptor is the end of the input")
  func unreadableDescriptor() {
    let reader = PipeLineReader(fileDescriptor: -1)
    #expect(reader.readLine(prompt: "") == .endOfFile)
    reader.addHistory("ignored")
    reader.saveHistory()
  }
}

@Suite("LineCompletion")
struct LineReaderCompletionTests {
  @Test(
    "the completed word",
    arguments: [
      ("/bu", "/bu"),
      ("  /budget se", "/budget se"),
      ("create a vm in west", "west"),
      ("create ", ""),
      ("", ""),
      ("wörd", "wörd"),
    ])
  func word(line: String, expected: String) {
    #expect(LineCompletion.word(in: line) == expected[...])
  }

  @Test(
    "longest common prefix",
    arguments: [
      ([], ""),
      (["/budget"], "/budget"),
      (["/budget", "/build", "/bulk"], "/bu"),
      (["/budget", "/budget"], "/budget"),
      (["abc", "xyz"], ""),
      (["é1", "é2"], "é"),
      (["westus", "westus2"], "westus"),
    ])
  func longestCommonPrefix(strings: [String], expected: String) {
    #expect(LineCompletion.longestCommonPrefix(strings) == expected)
  }

  @Test("one candidate completes the word and adds a space")
  func uniqueCandidate() {
    let plan = LineCompletion.plan(lineBeforeCursor: "/bu", candidates: ["/budget"])
    #expect(plan == .init(deleteCount: 0, insertion: "dget ", listing: []))
  }

  @Test("duplicates count as one candidate")
  func duplicateCandidates() {
    let plan = LineCompletion.plan(lineBeforeCursor: "in west", candidates: ["westus", "westus"])
    #expect(plan == .init(deleteCount: 0, insertion: "us ", listing: []))
  }

  @Test("several candidates insert the common prefix and are listed")
  func severalCandidates() {
    let candidates = ["/budget", "/build", "/bulk"]
    let plan = LineCompletion.plan(lineBeforeCursor: "/b", candidates: candidates)
    #expect(plan == .init(deleteCount: 0, insertion: "u", listing: candidates))
  }

  @Test("several candidates already at their common prefix are only listed")
  func severalCandidatesNoProgress() {
    let plan = LineCompletion.plan(lineBeforeCursor: "/bu", candidates: ["/budget", "/build"])
    #expect(plan == .init(deleteCount: 0, insertion: "", listing: ["/budget", "/build"]))
  }

  @Test("a candidate in another letter case replaces the word")
  func replacesWord() {
    let plan = LineCompletion.plan(lineBeforeCursor: "show /BU", candidates: ["/budget"])
    #expect(plan == .init(deleteCount: 3, insertion: "/budget ", listing: []))
    let multi = LineCompletion.plan(lineBeforeCursor: "in WÉST", candidates: ["wést1", "wést2"])
    #expect(multi == .init(deleteCount: 4, insertion: "wést", listing: ["wést1", "wést2"]))
  }

  @Test("no candidate, or nothing to change, gives no plan")
  func nothingToDo() {
    #expect(LineCompletion.plan(lineBeforeCursor: "/zz", candidates: []) == nil)
    #expect(LineCompletion.plan(lineBeforeCursor: "abcdef", candidates: ["x"]) == nil)
  }

  @Test("listing fills columns top to bottom within the width")
  func columns() {
    #expect(LineCompletion.columns(["a", "bb", "ccc"], width: 80) == "a    bb   ccc\n")
    #expect(LineCompletion.columns(["a", "bb", "ccc"], width: 10) == "a    ccc\nbb\n")
    #expect(LineCompletion.columns(["a", "bb", "ccc"], width: 4) == "a\nbb\nccc\n")
    #expect(LineCompletion.columns([], width: 80) == "")
  }

  @Test("a long listing is cut and counts the rest")
  func columnsLimit() {
    let listing = LineCompletion.columns(["a", "b", "c", "d", "e"], width: 80, limit: 2)
    #expect(listing == "a  b\n… and 3 more\n")
  }
}

/// A text case shown escaped in test output (prompts carry escape sequences and NULs).
struct TextCase: Sendable, CustomTestStringConvertible {
  var input: String
  var previous: String? = nil
  var expected: String?

  var testDescription: String { input.debugDescription }
}

@Suite("LibeditLineReader", .serialized)
struct LibeditLineReaderTests {
  @Test(
    "history entries are trimmed, non-blank and not repeated",
    arguments: [
      TextCase(input: "/budget ", expected: "/budget"),
      TextCase(input: "/budget\t \n", expected: "/budget"),
      TextCase(input: "   ", expected: nil),
      TextCase(input: "", previous: "/budget", expected: nil),
      TextCase(input: "/budget", previous: "/budget", expected: nil),
      TextCase(input: "/budget  ", previous: "/budget", expected: nil),
      TextCase(input: "  spaced  out ", previous: "x", expected: "  spaced  out"),
    ])
  func historyEntry(textCase: TextCase) {
    #expect(
      LibeditLineReader.historyEntry(for: textCase.input, previous: textCase.previous)
        == textCase.expected)
  }

  @Test(
    "escape sequences in the prompt take no room",
    arguments: [
      TextCase(input: "azlin> ", expected: "azlin> "),
      TextCase(
        input: "\u{1B}[1;36mazlin\u{1B}[0m> ",
        expected: "\u{1}\u{1B}[1;36m\u{1}azlin\u{1}\u{1B}[0m\u{1}> "),
      TextCase(
        input: "\u{1B}]0;title\u{7}azlin> ", expected: "\u{1}\u{1B}]0;title\u{7}\u{1}azlin> "),
      TextCase(input: "\u{1B}]0;t\u{1B}\\> ", expected: "\u{1}\u{1B}]0;t\u{1B}\\\u{1}> "),
      TextCase(input: "a\u{1}b\u{0}c", expected: "abc"),
      TextCase(input: "cut \u{1B}[1", expected: "cut \u{1}\u{1B}[1\u{1}"),
      TextCase(input: "☁️ azlin> ", expected: "☁️ azlin> "),
    ])
  func libeditPrompt(textCase: TextCase) {
    #expect(LibeditLineReader.libeditPrompt(textCase.input) == textCase.expected)
  }

  @Test("history is saved (0600, folder created) and loaded by the next reader")
  func historyRoundTrip() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("azlin-lr-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("state/history").path

    do {
      let reader = try #require(LibeditLineReader(historyPath: path))
      for line in ["/budget ", "/budget", "", "   ", "héllo wörld", "/budget"] {
        reader.addHistory(line)
      }
      reader.saveHistory()
    }
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    do {
      let reader = try #require(LibeditLineReader(historyPath: path))
      reader.addHistory("/budget")
      reader.addHistory("/help")
      reader.saveHistory()
    }
    let saved = try String(contentsOfFile: path, encoding: .utf8)
    #expect(saved == "_HiStOrY_V2_\n/budget\nhéllo\\040wörld\n/budget\n/help\n")
  }

  @Test("without a history path nothing is written")
  func noHistoryPath() throws {
    let reader = try #require(LibeditLineReader(historyPath: nil))
    reader.addHistory("/budget")
    reader.saveHistory()
  }
}
