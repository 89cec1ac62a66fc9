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
        "AzlinShell", "AzlinConversation", "AzlinMCPServer", "AzlinSimulator",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "azlin-bench",
      dependencies: [
        "AzlinConversation", "AzlinExecution", "AzlinPlanning", "AzlinLedger", "AzlinSimulator",
        "AzlinAzure", "AzlinCore",
      ]
    ),
    .target(name: "AzlinCore"),
    .target(name: "AzlinAzure", dependencies: ["AzlinCore"], exclude: ["Catalog/catalog.json"]),
    // The embedded Azure simulator: answers az command lines as Azure would, on the Azure model.
    .target(name: "AzlinSimulator", dependencies: ["AzlinCore", "AzlinAzure"]),
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
    // The turn engine: one line in, the turn's answers out — understanding, planning, pricing,
    // the budget, approval, execution and settling; slash commands; transcripts and the sandbox.
    .target(
      name: "AzlinConversation",
      dependencies: [
        "AzlinCore", "AzlinAzure", "AzlinSimulator", "AzlinLedger", "AzlinPlanning",
        "AzlinExecution", "AzlinMCPServer",
      ]
    ),
    // The terminal front end: reads lines (libedit or a pipe) and hands them to the engine.
    .target(
      name: "AzlinShell",
      dependencies: ["AzlinConversation", "AzlinCore", "AzlinAzure", "CEditLineShim"]
    ),
    .target(
      name: "AzlinMCPServer",
      dependencies: [
        "AzlinCore", "AzlinAzure", "AzlinSimulator", .product(name: "MCP", package: "swift-sdk"),
      ]),
    .target(
      name: "AzlinTestSupport", dependencies: ["AzlinCore", "AzlinAzure"]),
    .testTarget(name: "AzlinCoreTests", dependencies: ["AzlinCore", "AzlinTestSupport"]),
    .testTarget(
      name: "AzlinAzureTests",
      dependencies: [
        "AzlinAzure", "AzlinSimulator", "AzlinLedger", "AzlinPlanning", "AzlinExecution",
        "AzlinTestSupport",
      ]),
    .testTarget(name: "AzlinLedgerTests", dependencies: ["AzlinLedger", "AzlinTestSupport"]),
    .testTarget(
      name: "AzlinPlanningTests", dependencies: ["AzlinPlanning", "AzlinTestSupport"],
      exclude: ["Corpus"]),
    .testTarget(
      name: "AzlinExecutionTests",
      dependencies: [
        "AzlinExecution", "AzlinSimulator", "AzlinTestSupport",
        .product(name: "MCP", package: "swift-sdk"),
      ]),
    .testTarget(
      name: "AzlinShellTests",
      dependencies: ["AzlinShell", "AzlinConversation", "AzlinSimulator", "AzlinTestSupport"]),
    .testTarget(
      name: "AzlinMCPServerTests",
      dependencies: [
        "AzlinMCPServer", "AzlinAzure", "AzlinSimulator", "AzlinCore", "AzlinTestSupport",
      ]),
  ]
)
