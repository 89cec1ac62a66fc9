import Foundation

/// A Microsoft Learn page about an Azure error code, and where azlin found it.
public struct DocumentationLink: Equatable, Sendable {
  /// Where the link came from.
  public enum Source: String, Equatable, Sendable {
    /// A fresh answer from an earlier search, kept under `$AZLIN_HOME/cache/docs`.
    case cache
    /// Microsoft Learn's search, asked just now.
    case search
    /// The index bundled with azlin, for offline use.
    case bundled
  }

  /// The page's title.
  public var title: String
  /// The page's address on learn.microsoft.com, without a locale segment.
  public var url: String
  /// Where the link came from.
  public var source: Source

  /// Creates a link.
  /// - Parameters:
  ///   - title: The page's title.
  ///   - url: The page's address.
  ///   - source: Where the link came from.
  public init(title: String, url: String, source: Source) {
    self.title = title
    self.url = url
    self.source = source
  }
}
