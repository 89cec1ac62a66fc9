#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether files are flushed to the disk (`fsync`) as they are written.
///
/// Always on, except in a process whose every file is temporary and removed when it ends:
/// `azlin replay`, whose sandboxes nothing needs to survive a power cut, turns it off.
public enum FileDurability {
  /// False skips `fsync`; set once at the start of a process, before any file is written.
  nonisolated(unsafe) public static var flushes = true

  /// `fsync(descriptor)` when flushing is on; 0 otherwise.
  @discardableResult
  public static func sync(_ descriptor: Int32) -> Int32 {
    flushes ? fsync(descriptor) : 0
  }
}
