import AzlinAzure
import AzlinCore
import AzlinPlanning
import Foundation

extension TurnEngine {
  /// Storage account names are unique across all of Azure: asks az whether each new one is
  /// free. A name azlin made up is replaced by the next free one; a name the user chose and
  /// someone else holds is refused.
  /// - Returns: The intents to plan again with free names, a refusal, or nil when all are free.
  func checkStorageNames(_ plan: Plan, intents: [Intent]) -> (
    replan: [Intent]?, refusal: PlanProblem?
  ) {
    var intents = intents
    var changed = false
    for step in plan.steps {
      guard case .createStorage = step.operation else { continue }
      let name = step.resource.name
      guard !isStorageNameFree(name) else { continue }
      guard plan.assumptions.contains(.generatedName(name)),
        let index = intents.firstIndex(where: {
          $0.kind == .createStorage && $0.parameters.names.isEmpty
        })
      else { return (nil, .storageNameTaken(name)) }
      guard let free = freeStorageName(after: name) else {
        return (nil, .storageNameTaken(name))
      }
      intents[index].parameters.names = [free]
      changed = true
    }
    return (changed ? intents : nil, nil)
  }

  /// The next free name after `name`: `azlinlogs7` → `azlinlogs8`, `azlinlogs9`, …
  func freeStorageName(after name: String) -> String? {
    let stem = String(name.reversed().drop(while: \.isNumber).reversed())
    let start = Int(name.dropFirst(stem.count)) ?? 1
    return (start + 1...start + 20).map { "\(stem)\($0)" }.filter {
      NamingRules.violation(of: $0, as: .storageAccount) == nil
    }.first(where: isStorageNameFree)
  }

  private func isStorageNameFree(_ name: String) -> Bool {
    let result = backend.run(.storageCheckName(name))
    return result.json?["nameAvailable"]?.boolValue ?? true
  }
}
