import AzlinAzure
import AzlinCore
import Foundation

extension CostEstimator {
  /// What a daily auto-shutdown at `utc` (`HHMM`) saves on `vm` per month.
  ///
  /// Azure's auto-shutdown deallocates the VM, which stops its compute charge; nothing
  /// starts it again, so the saving assumes it is started each morning at
  /// `dayStartsAtUTCMinute` (09:00 where the user is) and runs until the shutdown.
  public func autoShutdownSaving(of vm: LiveState.VM, utc: String) -> Money {
    guard let minutes = Self.minutes(utc) else { return .zero }
    var running = vm
    running.powerState = "running"
    var deallocated = vm
    deallocated.powerState = "deallocated"
    let compute = monthly(of: running) - monthly(of: deallocated)
    let off = ((dayStartsAtUTCMinute - minutes) % 1440 + 1440) % 1440
    return (compute * (Decimal(off) / 1440)).rounded
  }

  /// Minutes after midnight of `HHMM`.
  static func minutes(_ hhmm: String) -> Int? {
    guard hhmm.count == 4, let value = Int(hhmm), value / 100 < 24, value % 100 < 60 else {
      return nil
    }
    return value / 100 * 60 + value % 100
  }
}
