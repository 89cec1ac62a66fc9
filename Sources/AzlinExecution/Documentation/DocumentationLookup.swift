import AzlinCore
import Foundation

/// Finds the Microsoft Learn page for an Azure error code: cached, searched, or bundled.
///
/// In order: a cached answer younger than seven days from `$AZLIN_HOME/cache/docs/<Code>.json`;
/// else, when a search client is given (online), Microsoft Learn's search, whose answer is
/// cached; else the bundled `DocumentationIndex`; else, for a code the index does not know, a
/// cached answer however old. The cache holds one small JSON file per code, named by the
/// code's letters and digits only, written atomically with mode 0600 and stamped with the
/// injected clock's time. A file that cannot be read as such an answer is ignored, and replaced
/// by the next answer the search finds. Nothing here throws: a cache that cannot be written is
/// only a slower next time.
public struct DocumentationLookup: Sendable {
  /// How long a cached answer is used before the search is asked again: seven days.
  public static let timeToLive: TimeInterval = 7 * 24 * 60 * 60

  /// The cache folder, `$AZLIN_HOME/cache/docs`.
  public let folder: String
  /// The search client; `nil` when offline.
  public let search: LearnSearchClient?
  private let clock: any Clock

  /// Creates a lookup over the cache in `home`.
  /// - Parameters:
  ///   - home: The state folder whose `cache/docs` holds the answers.
  ///   - clock: The time that stamps and ages cached answers.
  ///   - search: Microsoft Learn's search; `nil` to stay offline.
  public init(home: AzlinHome, clock: any Clock, search: LearnSearchClient? = nil) {
    self.folder = home.docsCache
    self.clock = clock
    self.search = search
  }

  /// The page for `code`.
  /// - Parameter code: An Azure error code, such as `SkuNotAvailable`.
  /// - Returns: The link and where it came from, or `nil` when no source knows the code.
  public func link(for code: String) -> DocumentationLink? {
    let key = LearnSearchClient.sanitized(code)
    guard !key.isEmpty else { return DocumentationIndex.link(for: code) }
    let cached = read(key)
    if let cached, isFresh(cached.fetched) { return cached.link }
    if let search, let found = search.search(code: key) {
      write(found, for: key)
      return found
    }
    return DocumentationIndex.link(for: key) ?? cached?.link
  }

  /// The cache file for `code`, or `nil` when the code has no letters or digits.
  /// - Parameter code: An Azure error code.
  /// - Returns: `<folder>/<Code>.json`, the code reduced to its letters and digits.
  public func cacheFile(for code: String) -> String? {
    let key = LearnSearchClient.sanitized(code)
    return key.isEmpty ? nil : folder + "/" + key + ".json"
  }

  /// A cached answer and when it was fetched.
  private struct Entry {
    var link: DocumentationLink
    var fetched: Date
  }

  private func isFresh(_ fetched: Date) -> Bool {
    let age = clock.now.timeIntervalSince(fetched)
    return age >= 0 && age < Self.timeToLive
  }

  /// The cached answer for `key`, or `nil` when there is none or it cannot be read.
  private func read(_ key: String) -> Entry? {
    guard let path = cacheFile(for: key),
      let data = FileManager.default.contents(atPath: path), data.count <= 64_000,
      let json = try? JSONValue.parse(data: data),
      json["code"]?.stringValue == key,
      let address = json["url"]?.stringValue, let url = LearnSearchClient.learnPage(address),
      let title = json["title"]?.stringValue.map(LearnSearchClient.cleanTitle), !title.isEmpty,
      let fetched = json["fetchedAt"]?.stringValue.flatMap(Timestamp.parse)
    else { return nil }
    return Entry(link: DocumentationLink(title: title, url: url, source: .cache), fetched: fetched)
  }

  /// Caches `link` for `key`, stamped now; a failure to write is ignored.
  private func write(_ link: DocumentationLink, for key: String) {
    guard let path = cacheFile(for: key) else { return }
    let json: JSONValue = .object([
      ("code", .string(key)), ("title", .string(link.title)), ("url", .string(link.url)),
      ("fetchedAt", .string(Timestamp.string(clock.now))),
    ])
    guard (try? AzlinHome.makeFolder(folder)) != nil else { return }
    try? AtomicFile.write(json.pretty() + "\n", to: path, mode: 0o600)
  }
}
