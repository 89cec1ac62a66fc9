// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "azlin",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "azlin", targets: ["azlin"]),
    .executable(name: "azlin-bench", targets: ["azlin-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
  ],
  targets: [
    .executableTarget(
      name: "azlin",
      dependencies: [
        "AzlinShell", "AzlinMCPServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "azlin-bench",
      dependencies: [
        "AzlinShell", "AzlinExecution", "AzlinPlanning", "AzlinLedger", "AzlinAzure", "AzlinCore",
      ]
    ),
    .target(name: "AzlinCore"),
    .target(name: "AzlinAzure", dependencies: ["AzlinCore"], exclude: ["Catalog/catalog.json"]),
    .target(name: "AzlinLedger", dependencies: ["AzlinCore", "AzlinAzure"]),
    .target(name: "AzlinPlanning", dependencies: ["AzlinCore", "AzlinAzure", "AzlinLedger"]),
    .target(
      name: "AzlinExecution",
      dependencies: [
        "AzlinCore", "AzlinAzure", "AzlinLedger", "AzlinPlanning",
        .product(name: "MCP", package: "swift-sdk"),
      ]),
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "CEditLineShim", dependencies: ["CEditLine"]),
    .target(
      name: "AzlinShell",
      dependencies: [
        "AzlinCore", "AzlinAzure", "AzlinLedger", "AzlinPlanning", "AzlinExecution",
        "AzlinMCPServer", "CEditLineShim",
      ]
    ),
    .target(
      name: "AzlinMCPServer",
      dependencies: ["AzlinCore", "AzlinAzure", .product(name: "MCP", package: "swift-sdk")]),
    .target(name: "AzlinTestSupport", dependencies: ["AzlinCore", "AzlinAzure", "AzlinShell"]),
    .testTarget(name: "AzlinCoreTests", dependencies: ["AzlinCore", "AzlinTestSupport"]),
    .testTarget(name: "AzlinAzureTests", dependencies: ["AzlinAzure", "AzlinTestSupport"]),
    .testTarget(name: "AzlinLedgerTests", dependencies: ["AzlinLedger", "AzlinTestSupport"]),
    .testTarget(
      name: "AzlinPlanningTests", dependencies: ["AzlinPlanning", "AzlinTestSupport"],
      exclude: ["Corpus"]),
    .testTarget(
      name: "AzlinExecutionTests",
      dependencies: [
        "AzlinExecution", "AzlinTestSupport", .product(name: "MCP", package: "swift-sdk"),
      ]),
    .testTarget(name: "AzlinShellTests", dependencies: ["AzlinShell", "AzlinTestSupport"]),
    .testTarget(
      name: "AzlinMCPServerTests",
      dependencies: ["AzlinMCPServer", "AzlinAzure", "AzlinCore", "AzlinTestSupport"]),
  ]
)
