import AzlinCore
import Foundation

extension Session {
  /// The zone a time said without one is in: `[defaults] time_zone`, else the machine's.
  var timeZone: TimeZone {
    config.defaults.timeZone.flatMap { TimeZone(identifier: $0) } ?? TimeZone.current
  }
}
