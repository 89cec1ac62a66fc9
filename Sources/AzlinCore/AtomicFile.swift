import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that a reader sees the old content or the new, never a mix.
///
/// The bytes go to a temporary file in the same folder, which is flushed with
/// `fsync`, renamed over the target, and then the folder itself is flushed.
public enum AtomicFile {
  /// Replaces the file at `path` with `data`.
  /// - Parameters:
  ///   - data: The new content.
  ///   - path: The file to replace.
  ///   - mode: The permission bits of the new file.
  /// - Throws: `FileError` naming the path and the system's reason.
  public static func write(_ data: Data, to path: String, mode: mode_t = 0o600) throws {
    let folder = (path as NSString).deletingLastPathComponent
    let temp =
      folder + "/." + (path as NSString).lastPathComponent
      + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard fd >= 0 else { throw FileError(path: path, operation: "write", code: errno) }
    var ok = false
    defer {
      if !ok { unlink(temp) }
    }
    try data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          let code = errno
          close(fd)
          throw FileError(path: path, operation: "write", code: code)
        }
        offset += n
      }
    }
    guard FileDurability.sync(fd) == 0 else {
      let code = errno
      close(fd)
      throw FileError(path: path, operation: "flush", code: code)
    }
    close(fd)
    guard rename(temp, path) == 0 else {
      throw FileError(path: path, operation: "rename", code: errno)
    }
    ok = true
    syncFolder(folder)
  }

  /// Replaces the file at `path` with UTF-8 `text`.
  /// - Throws: `FileError`.
  public static func write(_ text: String, to path: String, mode: mode_t = 0o600) throws {
    try write(Data(text.utf8), to: path, mode: mode)
  }

  /// Flushes a folder's entries (a rename is durable only after this).
  public static func syncFolder(_ folder: String) {
    let dfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dfd >= 0 {
      FileDurability.sync(dfd)
      close(dfd)
    }
  }
}

/// A file operation that failed, with the path and the system's reason.
public struct FileError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var operation: String
  public var code: Int32

  public init(path: String, operation: String, code: Int32) {
    self.path = path
    self.operation = operation
    self.code = code
  }

  public var description: String {
    "cannot \(operation) \(path): \(String(cString: strerror(code)))"
  }
}
