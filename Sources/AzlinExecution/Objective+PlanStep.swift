import AzlinAzure
import AzlinLedger
import AzlinPlanning

extension Objective.Step {
  /// `step` as an objective records it: its argv and undo argv with secrets masked, and its
  /// operations — left out when masking changed the argv, so that no secret reaches the file
  /// through them (the masked argv is then what is kept, as before operations were recorded).
  public init(planned step: PlanStep, summary: String) {
    let argv = step.command.arguments
    let masked = Redactor.argv(argv)
    let undo = step.undo?.arguments
    let maskedUndo = undo.map(Redactor.argv)
    let clean = masked == argv && maskedUndo == undo
    self.init(
      number: step.number, action: step.action.rawValue, summary: summary, argv: ["az"] + masked,
      undoArgv: maskedUndo.map { ["az"] + $0 }, dependsOn: step.dependsOn,
      operation: clean ? step.azureOperation : nil, undoOperation: clean ? step.inverse : nil)
  }
}
