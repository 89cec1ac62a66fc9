import AzlinConversation
import Testing

@Suite struct TranscriptFormatTests {
  @Test func parsesTurnsCommentsAndSections() throws {
    let text = """
      # create then list
      azlin> create a vm called sam
      line one

      azlin> list vms
      # a note before the last turn
      azlin> /quit
      -- config.toml --
      [budget]
      monthly_limit = 50
      -- env --
      AZLIN_SIM_FAULTS=vm create=InternalServerError*1

      """
    let t = try Transcript(parsing: text)
    #expect(t.turns.map(\.input) == ["create a vm called sam", "list vms", "/quit"])
    #expect(t.turns[0].comments == ["# create then list"])
    #expect(t.turns[0].expected == ["line one", ""])
    #expect(t.turns[2].comments == ["# a note before the last turn"])
    #expect(t.file("config.toml")?.content == "[budget]\nmonthly_limit = 50\n")
    #expect(t.file("env")?.content == "AZLIN_SIM_FAULTS=vm create=InternalServerError*1\n")
    #expect(t.render() == text)
  }

  @Test func outputBeforeTheFirstTurnIsAnError() {
    #expect(throws: TranscriptError.self) {
      try Transcript(parsing: "stray output\nazlin> /quit\n")
    }
  }
}
