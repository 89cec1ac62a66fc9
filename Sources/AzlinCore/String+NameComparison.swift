extension String {
  /// True when `self` and `other` are the same name to Azure, which compares names without
  /// regard to case: `Sam` and `sam`.
  ///
  /// Compares ASCII bytes in place (Azure's names are ASCII); other text is compared
  /// lowercased. Planning and pricing compare every resource of a large subscription this way,
  /// so the common case allocates nothing.
  public func isSameName(as other: String) -> Bool {
    let a = utf8
    let b = other.utf8
    guard a.count == b.count else { return lowercased() == other.lowercased() }
    for (x, y) in zip(a, b) where x != y {
      guard x < 0x80, y < 0x80 else { return lowercased() == other.lowercased() }
      let lx = x >= 0x41 && x <= 0x5A ? x + 0x20 : x
      let ly = y >= 0x41 && y <= 0x5A ? y + 0x20 : y
      if lx != ly { return false }
    }
    return true
  }
}
