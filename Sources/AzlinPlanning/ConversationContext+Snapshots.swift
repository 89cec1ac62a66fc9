import Foundation

extension ConversationContext {
  /// Remembers what a snapshot request was about: its VM is "it", its snapshot "that snapshot",
  /// and the disk a restore makes "that disk".
  mutating func rememberSnapshot(_ intent: Intent) {
    let p = intent.parameters
    if let vm = p.vm {
      vms = [vm]
      meet([vm])
    }
    if let g = p.resourceGroup { resourceGroup = g }
    switch intent.kind {
    case .createSnapshot, .deleteSnapshot:
      if let name = p.names.first { snapshot = name }
    case .restoreSnapshot:
      if let source = p.snapshot { snapshot = source }
      if let name = p.names.first { disk = name }
    default: break
    }
  }
}
