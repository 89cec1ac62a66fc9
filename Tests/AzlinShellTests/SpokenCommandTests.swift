import Testing

@testable import AzlinShell

/// Slash commands said in words go to the command; other lines stay requests.
@Suite struct SpokenCommandTests {
  @Test(arguments: [
    ("undo that", "/undo"), ("roll it back", "/undo"), ("what did we do today", "/history"),
    ("hist", "/history"), ("show my history please", "/history"), ("i'm done, quit", "/quit"),
    ("q", "/quit"), ("ok bye", "/quit"), ("forget our conversation", "/clear"),
    ("what exists right now?", "/state"), ("what can you actually do?", "/help"),
    ("give backend a 400 a month cap", "/budget set group backend 400"),
    ("put a limit of 100 a month on the interns group", "/budget set group interns 100"),
    ("set a daily limit of 20 dollars", "/budget set daily 20"),
    ("clear the daily limit", "/budget clear daily"),
  ])
  func wordsReachTheCommand(_ line: String, _ command: String) {
    #expect(Session.spokenCommand(line) == command)
  }

  @Test(arguments: [
    "stop web1", "create a vm called quit", "delete the history vm", "how much will it cost",
    "exit the building and delete sam",
  ])
  func requestsStayRequests(_ line: String) {
    #expect(Session.spokenCommand(line) == nil)
  }
}
