import AzlinCore
import AzlinLedger
import AzlinTestSupport
import Foundation
import Testing

@Suite struct ObjectiveTests {
  func make() -> Objective {
    Objective(
      id: "o1", session: "s", naturalLanguage: "create a vm", intents: [], plan: [],
      strategy: "azure-cli",
      costEstimate: "30.37", at: Date(timeIntervalSince1970: 0))
  }

  @Test func movesThroughItsLife() throws {
    var o = make()
    try o.move(to: .inProgress, at: Date(timeIntervalSince1970: 1))
    try o.move(to: .completed, at: Date(timeIntervalSince1970: 2))
    try o.move(to: .rolledBack, at: Date(timeIntervalSince1970: 3))
    #expect(o.executionHistory.map(\.status) == [.pending, .inProgress, .completed, .rolledBack])
  }

  @Test(arguments: [
    (Objective.Status.pending, Objective.Status.completed), (.completed, .inProgress),
    (.rolledBack, .completed),
    (.pending, .rolledBack),
  ])
  func refusesIllegalMoves(_ from: Objective.Status, _ to: Objective.Status) throws {
    var o = make()
    if from != .pending {
      try o.move(to: .inProgress, at: Date())
      if from != .inProgress { try o.move(to: from == .rolledBack ? .completed : from, at: Date()) }
      if from == .rolledBack { try o.move(to: .rolledBack, at: Date()) }
    }
    #expect(throws: ObjectiveError.illegalTransition(id: "o1", from: from, to: to)) {
      try o.move(to: to, at: Date())
    }
  }

  @Test func storeRoundTripsAndReportsCorruptFiles() throws {
    let folder = TemporaryFolder()
    let store = ObjectiveStore(folder: folder.path)
    try store.save(make())
    try "{not json".write(toFile: folder.file("bad.json"), atomically: true, encoding: .utf8)
    let (objectives, unreadable) = store.all()
    #expect(objectives == [make()])
    #expect(unreadable == [folder.file("bad.json")])
    let text = try String(contentsOfFile: folder.file("o1.json"), encoding: .utf8)
    #expect(text.contains(#""natural_language" : "create a vm""#))
    #expect(text.contains(#""status" : "pending""#))
  }
}
