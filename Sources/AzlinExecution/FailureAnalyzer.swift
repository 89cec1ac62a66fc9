import AzlinAzure
import AzlinCore
import Foundation

/// Explains a failed command and says what to try next, by Azure's error code.
public struct FailureAnalyzer: Sendable {
  /// What the analysis found.
  public struct Analysis: Equatable, Sendable {
    /// A stable signature: code, operation, and the message with names and numbers taken out.
    public var signature: String
    /// One sentence on what to do.
    public var advice: String
    /// Microsoft Learn's troubleshooting page for the code, when there is one.
    public var link: DocumentationLink?

    /// The address of `link`, when there is one.
    public var documentation: String? { link?.url }
  }

  private let catalog: AzureCatalog

  public init(catalog: AzureCatalog = .bundled) { self.catalog = catalog }

  /// Analyses `error` from `operation`.
  ///
  /// The documentation link comes from `lookup` when one is given (its cache, then Microsoft
  /// Learn's search, then the bundled index), and from the bundled `DocumentationIndex`
  /// otherwise, which never touches the network.
  /// - Parameters:
  ///   - error: What az reported.
  ///   - operation: The operation that failed.
  ///   - lookup: Where to find the documentation link; `nil` for the bundled index alone.
  /// - Returns: The signature, the advice and the documentation link.
  public func analyze(
    _ error: AzError, operation target: AzureOperation, lookup: DocumentationLookup? = nil
  )
    -> Analysis
  {
    let kind = FailureClass(error)
    let advice: String
    switch kind.code {
    case "SkuNotAvailable":
      let region = target.location ?? ""
      let size = target.size ?? ""
      let offered = catalog.alternatives(to: size, in: region).map(\.name)
      advice =
        offered.isEmpty
        ? "That size cannot be had in \(region) now; try another region."
        : "That size cannot be had in \(region) now; as large and offered there: \(offered.joined(separator: ", "))."
    case "QuotaExceeded", "OperationNotAllowed":
      advice =
        "The region's vCPU quota is used up: ask for a smaller size or another region, or request more quota in the Azure portal."
    case "AuthorizationFailed":
      let role =
        switch target.kind {
        case "storage": "Storage Account Contributor"
        case "group": "Contributor on the subscription"
        case "disk", "attachment":
          "Virtual Machine Contributor (and Disk Pool Operator for shared disks)"
        case "snapshot": "Disk Snapshot Contributor"
        default: "Virtual Machine Contributor"
        }
      advice =
        "The identity that ran it lacks a role for this: ask for \(role) (or Contributor) on group \(target.group)."
    case "ResourceGroupNotFound":
      advice = "Create the group first: \"create rg \(target.group)\"."
    case "ResourceNotFound":
      advice = "It is gone already, or was never there: /state shows what exists."
    case "Conflict", "AnotherOperationInProgress":
      advice = "Something is still changing that resource; try again once it settles."
    case "StorageAccountAlreadyTaken":
      advice = "Storage account names are unique across all of Azure; pick another name."
    case "ResultMismatch":
      advice =
        "Azure did not keep what the command reported doing; ask again, and if it repeats, look at the resource in the portal (/state shows it now)."
    case "MCPServerUnavailable":
      advice =
        "The MCP server stopped or did not answer; /strategy shows its state, and /strategy az runs steps through the Azure CLI first."
    case "PropertyChangeNotAllowed":
      advice =
        "Something of that name exists already, made from another source; Azure cannot change what a \(target.kind) was made from, so name another (\"called …\")."
    case "InvalidResourceName":
      advice = "The name breaks Azure's naming rules; the message says which."
    case _ where kind.retriable:
      advice = "Azure kept failing after the retries; try again in a few minutes."
    default:
      advice = "az reported an error azlin does not know; the message above is az's own."
    }
    let link =
      if let lookup { lookup.link(for: kind.code) } else { DocumentationIndex.link(for: kind.code) }
    return Analysis(
      signature: Self.signature(code: kind.code, verb: target.verb, message: error.message),
      advice: advice, link: link)
  }

  /// `Code|verb|message` with quoted names, numbers and ids replaced, so one kind of failure has one signature.
  static func signature(code: String, verb: String, message: String) -> String {
    var normal = message.lowercased()
    for pattern in [#"'[^']*'"#, #""[^"]*""#, #"[0-9a-f]{8}-[0-9a-f-]{27}"#, #"[0-9]+"#] {
      normal = normal.replacingOccurrences(of: pattern, with: "#", options: .regularExpression)
    }
    return "\(code)|\(verb)|\(String(normal.prefix(120)))"
  }
}
