import Foundation

/// Microsoft Learn troubleshooting pages for Azure error codes, bundled so that offline use
/// still gives a link.
///
/// Every address was checked against the source of Microsoft Learn's Azure documentation
/// (MicrosoftDocs/azure-docs): the page exists and its title is the one given here. The
/// error-code table in "Troubleshoot common Azure deployment errors" decides which page a code
/// gets; a code the table lists without a page under `/azure/`, or does not list at all, gets
/// the table itself, which says what the code means and what to do. Addresses carry no locale
/// segment, so Microsoft Learn serves the reader's own language.
///
/// The codes azlin makes up itself (`ResultMismatch`, `MCPServerUnavailable`) are not Azure's
/// and have no page.
public enum DocumentationIndex {
  /// One page.
  public struct Page: Equatable, Sendable {
    /// The page's title, as Microsoft Learn shows it.
    public var title: String
    /// The page's address.
    public var url: String
  }

  /// The general page: the table of common deployment error codes and what to do about each.
  public static let general = Page(
    title: "Troubleshoot common Azure deployment errors",
    url: troubleshooting + "common-deployment-errors")

  /// The page for `code`, when the index has one.
  /// - Parameter code: An Azure error code, such as `SkuNotAvailable`.
  /// - Returns: The page, or `nil` for a code the index does not know.
  public static func page(for code: String) -> Page? { pages[code] }

  /// The link for `code` from the index, marked as bundled.
  /// - Parameter code: An Azure error code.
  /// - Returns: The link, or `nil` for a code the index does not know.
  public static func link(for code: String) -> DocumentationLink? {
    page(for: code).map { DocumentationLink(title: $0.title, url: $0.url, source: .bundled) }
  }

  /// Every code the index knows.
  public static var codes: [String] { pages.keys.sorted() }

  private static let base = "https://learn.microsoft.com/azure/"
  private static let troubleshooting = base + "azure-resource-manager/troubleshooting/"

  private static let sku = Page(
    title: "Resolve errors for SKU not available",
    url: troubleshooting + "error-sku-not-available")
  private static let quota = Page(
    title: "Resolve errors for resource quotas", url: troubleshooting + "error-resource-quota")
  private static let notFound = Page(
    title: "Resolve resource not found errors", url: troubleshooting + "error-not-found")
  private static let storageName = Page(
    title: "Resolve errors for storage account names",
    url: troubleshooting + "error-storage-account-name")
  private static let reservedName = Page(
    title: "Resolve errors for reserved resource names",
    url: troubleshooting + "error-reserved-resource-name")
  private static let invalidTemplate = Page(
    title: "Resolve errors for invalid template", url: troubleshooting + "error-invalid-template")
  private static let findErrorCode = Page(
    title: "Find error codes", url: troubleshooting + "find-error-code")
  private static let registration = Page(
    title: "Resolve errors for resource provider registration",
    url: troubleshooting + "error-register-resource-provider")
  private static let policy = Page(
    title: "Resolve errors for request disallowed by policy",
    url: troubleshooting + "error-policy-requestdisallowedbypolicy")
  private static let parentResource = Page(
    title: "Resolve errors for parent resources", url: troubleshooting + "error-parent-resource")
  private static let deploymentCount = Page(
    title: "Resolve error when deployment count exceeds 800",
    url: troubleshooting + "deployment-quota-exceeded")
  private static let throttling = Page(
    title: "Throttling Resource Manager requests",
    url: base + "azure-resource-manager/management/request-limits-and-throttling")
  private static let naming = Page(
    title: "Naming rules and restrictions for Azure resources",
    url: base + "azure-resource-manager/management/resource-name-rules")
  private static let roles = Page(
    title: "Troubleshoot Azure RBAC", url: base + "role-based-access-control/troubleshooting")

  private static let pages: [String: Page] = [
    // Capacity: the table's pages for it are under /troubleshoot/azure/virtual-machines/,
    // outside /azure/, so the table itself, whose row says what to do.
    "AllocationFailed": general,
    "SkuNotAvailable": sku,

    // Quotas.
    "QuotaExceeded": quota,
    "OperationNotAllowed": quota,
    "ResourceQuotaExceeded": quota,
    "DeploymentQuotaExceeded": deploymentCount,

    // Access and policy.
    "AuthorizationFailed": roles,
    "RequestDisallowedByPolicy": policy,

    // Resource provider registration.
    "MissingSubscriptionRegistration": registration,
    "SubscriptionNotRegistered": registration,
    "NoRegisteredProviderFound": registration,
    "MissingRegistrationForLocation": registration,
    "InvalidSubscriptionRegistrationState": registration,

    // Missing resources.
    "ResourceGroupNotFound": notFound,
    "ResourceNotFound": notFound,
    "NotFound": notFound,
    "ParentResourceNotFound": parentResource,

    // Names.
    "InvalidResourceName": naming,
    "ReservedResourceName": reservedName,
    "StorageAccountAlreadyTaken": storageName,
    "StorageAccountAlreadyExists": storageName,
    "StorageAccountInAnotherResourceGroup": storageName,
    "AccountNameInvalid": storageName,

    // Deployments and templates.
    "DeploymentFailed": findErrorCode,
    "InvalidTemplate": invalidTemplate,
    "InvalidTemplateDeployment": invalidTemplate,
    // The table's pages for these two are about ARM template parameters and template
    // updates, not the az commands azlin runs: the table itself.
    "InvalidParameter": general,
    "PropertyChangeNotAllowed": general,

    // A resource busy with another operation: listed in the table, with no page of its own.
    "Conflict": general,
    "AnotherOperationInProgress": general,

    // Throttling.
    "TooManyRequests": throttling,
    "SubscriptionRequestsThrottled": throttling,

    // Transient faults. InternalServerError is in the table ("retry the deployment"); no page
    // specific to the others could be confirmed, so they share the table.
    "InternalServerError": general,
    "ServiceUnavailable": general,
    "GatewayTimeout": general,
    "BadGateway": general,
    "RetryableError": general,
    "ServerBusy": general,
    "Timeout": general,
    "OperationPreempted": general,
  ]
}
