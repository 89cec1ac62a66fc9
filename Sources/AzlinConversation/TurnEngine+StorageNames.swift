import AzlinAzure
import AzlinCore
import AzlinPlanning
import Foundation

extension TurnEngine {
  /// The next free storage account name after `name` (`CommandPlanner.nextFreeStorageName`),
  /// asking az about each.
  func freeStorageName(after name: String) -> String? {
    CommandPlanner.nextFreeStorageName(after: name, isFree: isStorageNameFree)
  }

  /// Whether no one in Azure holds the storage account name `name` (the names are global).
  func isStorageNameFree(_ name: String) -> Bool {
    let result = backend.run(.storageCheckName(name))
    return result.json?["nameAvailable"]?.boolValue ?? true
  }
}
