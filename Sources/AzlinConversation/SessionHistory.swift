import AzlinLedger

/// This session's own `/history`: its audit events kept as they are written, read forward
/// from the session's start once each (`AuditFollower`), so showing them costs the same at
/// the first turn and the thousandth.
final class SessionHistory {
  private let follower: AuditFollower
  /// The events kept, oldest first.
  private var kept: [AuditReader.Entry] = []
  /// Lines read that were not events.
  private var unreadable = 0

  /// Starts at the end of the audit log as it is now, before the session's first event.
  /// - Parameter path: `$AZLIN_HOME/audit.log`.
  init(path: String) { follower = AuditFollower(path: path) }

  /// Up to `limit` of the events kept, newest first, after reading what was appended since
  /// the last call and keeping the new events for which `keep` is true (pass the same test
  /// every time); and how many lines could not be read, a torn last line included.
  func newest(limit: Int, keep: (AuditReader.Entry) -> Bool) -> (
    entries: [AuditReader.Entry], skipped: Int
  ) {
    let (lines, tornTail) = follower.readNew()
    for line in lines {
      guard let entry = line else {
        unreadable += 1
        continue
      }
      if keep(entry) { kept.append(entry) }
    }
    return (Array(kept.suffix(limit).reversed()), unreadable + (tornTail ? 1 : 0))
  }
}
