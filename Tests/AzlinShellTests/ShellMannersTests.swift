import Testing

@testable import AzlinConversation
@testable import AzlinShell

/// Colour, the Ctrl-R search, `/help` from one definition per command.
@Suite struct ShellMannersTests {
  static let green = "\u{1B}[32m"
  static let yellow = "\u{1B}[33m"
  static let red = "\u{1B}[31m"
  static let reset = "\u{1B}[0m"

  @Test(arguments: [
    ("  1. + create VM sam", "  1. \(green)+\(reset) create VM sam"),
    ("  2. ~ attach disk d to VM sam", "  2. \(yellow)~\(reset) attach disk d to VM sam"),
    ("  3. - delete VM sam in rg", "  3. \(red)-\(reset) delete VM sam in rg"),
    ("  ~ az vm start --name sam", "  \(yellow)~\(reset) az vm start --name sam"),
    ("Budget warning: $90 projected", "\(yellow)Budget warning: $90 projected\(reset)"),
    ("Refused: over the limit.", "\(red)Refused: over the limit.\(reset)"),
    ("  ✗ create VM a: Conflict", "\(red)  ✗ create VM a: Conflict\(reset)"),
    ("  ✓ create VM a (2s)", "  \(green)✓\(reset) create VM a (2s)"),
    ("Plan (2 steps):", "Plan (2 steps):"),
    ("-1 is not a number", "-1 is not a number"),
    ("Cost: -$39.30/month", "Cost: -$39.30/month"),
    ("", ""),
  ])
  func planVerbsWarningsAndErrorsAreColoured(_ line: String, _ painted: String) {
    #expect(TerminalStyle.paint(line, isError: false) == painted)
  }

  @Test func anErrorLineIsRed() {
    #expect(
      TerminalStyle.paint("azlin: cannot read", isError: true)
        == "\(Self.red)azlin: cannot read\(Self.reset)")
  }

  @Test(arguments: [
    ([String: String](), false, true, true),
    (["NO_COLOR": "1"], false, true, false),
    (["NO_COLOR": ""], false, true, true),
    ([String: String](), true, true, false),
    ([String: String](), false, false, false),
    (["TERM": "dumb"], false, true, false),
  ])
  func colourOnlyOnATerminalWithoutNoColor(
    _ environment: [String: String], _ flag: Bool, _ terminal: Bool, _ enabled: Bool
  ) {
    #expect(
      TerminalStyle.enabled(environment: environment, noColorFlag: flag, isTerminal: terminal)
        == enabled)
  }

  @Test func theSearchPromptReadsLikeBash() {
    #expect(
      LineReaderSearch.prompt(query: "vm", match: "create a vm called sam", failing: false)
        == "(reverse-i-search)'vm': create a vm called sam")
    #expect(
      LineReaderSearch.prompt(query: "zz", match: "", failing: true)
        == "(failed reverse-i-search)'zz': ")
  }

  @Test(arguments: [
    (UInt8(0x12), LineReaderSearch.Action.older), (0x7F, .erase), (0x08, .erase), (0x07, .cancel),
    (0x0D, .run), (0x0A, .run), (0x61, .type("a")), (0x20, .type(" ")), (0x01, .keep),
    (0x05, .keep),
  ])
  func searchKeys(_ key: UInt8, _ action: LineReaderSearch.Action) {
    #expect(LineReaderSearch.action(for: key) == action)
  }

  @Test(arguments: SlashCommand.all.map(\.name))
  func helpShowsEveryFormOfTheCommand(_ name: String) throws {
    let command = try #require(SlashCommand.named(name))
    let help = command.help
    #expect(help.first?.hasPrefix("/\(name) — ") == true)
    for form in command.forms.isEmpty ? [command.usage] : command.forms {
      #expect(form.hasPrefix("/\(name)"))
      #expect(help.contains("  " + form))
    }
    for (argument, _) in command.arguments {
      #expect(help.contains { $0.hasPrefix("  " + argument + " ") })
    }
  }

  @Test func usageErrorsQuoteTheDefinition() {
    #expect(
      SlashCommand.usage(of: "budget", forms: "/budget clear")
        == "/budget clear monthly|daily, or /budget clear group <name>")
    #expect(
      SlashCommand.usage(of: "history")
        == "/history [n] [--all] [--failed] [--objective <id>] [--since <period>]")
    #expect(SlashCommand.usage(of: "save") == "/save <file>")
  }
}
