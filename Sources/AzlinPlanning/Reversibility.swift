/// How far a step can be taken back, shown at approval (issue 13; DESIGN §7.6).
public enum Reversibility: String, Equatable, Sendable {
  /// Undo puts it back: a create (deleted again), a power change, a resize, an attach.
  case reversible
  /// Gone for good, with data in it: a disk, a storage account, a VM's OS disk, a group
  /// holding any of them.
  case losesData = "loses data"
  /// Gone for good, though no data goes with it (an empty group).
  case irreversible
}
