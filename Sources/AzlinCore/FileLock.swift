import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive advisory lock on a lock file, shared by every azlin process on one `$AZLIN_HOME`.
///
/// Two shells on one state folder take turns through it: the simulator's state,
/// the audit log and the config are read, changed and written under it.
public final class FileLock: @unchecked Sendable {
  private let path: String
  private let threadLock = NSRecursiveLock()
  private var fd: Int32 = -1
  private var depth = 0

  /// Creates a lock on `path`; the file is created on first use.
  public init(path: String) { self.path = path }

  deinit {
    if fd >= 0 { close(fd) }
  }

  /// Runs `body` while holding the lock; nested calls on one thread are allowed.
  /// - Throws: `FileError` when the lock file cannot be opened, or what `body` throws.
  public func withLock<T>(_ body: () throws -> T) throws -> T {
    threadLock.lock()
    defer { threadLock.unlock() }
    if depth == 0 {
      if fd < 0 {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path: path, operation: "open", code: errno) }
      }
      while flock(fd, LOCK_EX) != 0 {
        guard errno == EINTR else { throw FileError(path: path, operation: "lock", code: errno) }
      }
    }
    depth += 1
    defer {
      depth -= 1
      if depth == 0 { flock(fd, LOCK_UN) }
    }
    return try body()
  }
}
