import AzlinLedger

extension TurnEngine {
  /// The shortest piece of an objective ID `/undo` and `/resume` take.
  static let shortestObjectiveID = 4

  /// The one objective `id` names: the whole ID, or a piece of at least four characters it
  /// starts with or ends with (`/objectives` shows the last eight). A shorter piece, none, or
  /// one that fits several is one line saying so.
  func objective(named id: String, in objectives: [Objective]) -> Result<Objective, LookupFailure> {
    if let exact = objectives.first(where: { $0.id.lowercased() == id.lowercased() }) {
      return .success(exact)
    }
    guard id.count >= Self.shortestObjectiveID else {
      return .failure(LookupFailure(message: Messages.objectiveIDTooShort(id)))
    }
    let piece = id.lowercased()
    let fits = objectives.filter {
      $0.id.lowercased().hasPrefix(piece) || $0.id.lowercased().hasSuffix(piece)
    }
    switch fits.count {
    case 1: return .success(fits[0])
    case 0: return .failure(LookupFailure(message: Messages.noObjective(id)))
    default:
      return .failure(
        LookupFailure(message: Messages.objectiveIDAmbiguous(id, count: fits.count)))
    }
  }

  /// Why an objective ID named none.
  struct LookupFailure: Error {
    var message: String
  }
}
