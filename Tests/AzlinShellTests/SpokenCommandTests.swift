import Testing

@testable import AzlinConversation

/// Slash commands said in words go to the command; other lines stay requests.
@Suite struct SpokenCommandTests {
  @Test(arguments: [
    ("undo that", "/undo"), ("revert that, the site got slow", "/undo"),
    ("hmm, too much. go back to what it was before", "/undo"), ("roll it back", "/undo"),
    ("what did we do today", "/history"),
    ("hist", "/history"), ("show my history please", "/history"), ("i'm done, quit", "/quit"),
    ("q", "/quit"), ("ok bye", "/quit"), ("forget our conversation", "/clear"),
    ("what exists right now?", "/state"), ("what can you actually do?", "/help"),
    ("give backend a 400 a month cap", "/budget set group backend 400"),
    ("put a limit of 100 a month on the interns group", "/budget set group interns 100"),
    ("set a daily limit of 20 dollars", "/budget set daily 20"),
    ("clear the daily limit", "/budget clear daily"), ("show me my state", "/state"),
    ("show the last 5 things I did", "/history 5"), ("show only the failures", "/history --failed"),
    ("show me the plan you'd run", "/plan"), ("ok show me the commands you know", "/help"),
    ("how do I use the budget command", "/help budget"),
  ])
  func wordsReachTheCommand(_ line: String, _ command: String) {
    #expect(TurnEngine.spokenCommand(line) == command)
  }

  @Test(arguments: [
    "stop web1", "create a vm called quit", "delete the history vm", "how much will it cost",
    "exit the building and delete sam", "show me the stopped vms", "list vms in test-rg",
  ])
  func requestsStayRequests(_ line: String) {
    #expect(TurnEngine.spokenCommand(line) == nil)
  }
}
