import Foundation

/// UUID-shaped identifiers drawn from a seed: unique in practice for a random seed, and the
/// same sequence again for the same seed.
///
/// A live session draws its seed at random and `/save` writes it into the transcript, so
/// replay regenerates the very objective IDs the session showed (`Done (objective 215ae8f1).`).
public final class SeededIDGenerator: IDGenerator, @unchecked Sendable {
  /// The seed the sequence is drawn from.
  public let seed: UInt64
  private let lock = NSLock()
  private var state: UInt64

  /// - Parameter seed: Where the sequence starts; the same seed gives the same identifiers.
  public init(seed: UInt64) {
    self.seed = seed
    self.state = seed
  }

  /// A generator with a random seed.
  public convenience init() {
    var source = SystemRandomNumberGenerator()
    self.init(seed: source.next())
  }

  /// The seed as 16 hex digits, as transcripts write it.
  public var seedText: String {
    let text = String(seed, radix: 16)
    return String(repeating: "0", count: 16 - text.count) + text
  }

  /// Reads a seed written as by `seedText`.
  public static func seed(parsing text: String) -> UInt64? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard !t.isEmpty, t.count <= 16 else { return nil }
    return UInt64(t, radix: 16)
  }

  public func next() -> String {
    lock.lock()
    let high = Self.mix(&state)
    let low = Self.mix(&state)
    lock.unlock()
    // Version 4, variant 10xx, as UUIDs have.
    let a = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
    let b = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
    let hex = Self.hex(a, 16) + Self.hex(b, 16)
    let c = Array(hex)
    return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-"
      + String(c[16..<20]) + "-" + String(c[20..<32])
  }

  /// SplitMix64: one step of the sequence.
  private static func mix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  private static func hex(_ value: UInt64, _ width: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
