import MCP

extension SimulatorToolServer {
  /// Connects a client to this server inside the process, over a connected in-memory pair:
  /// how the replay sandbox serves `azlin mcp-server` on its own simulator and clock.
  /// - Returns: A function that starts the server and gives the client's end.
  public func inProcessConnector() -> @Sendable () async throws -> any Transport {
    { [self] in
      let (clientEnd, serverEnd) = await InMemoryTransport.createConnectedPair()
      let server = await makeServer()
      try await server.start(transport: serverEnd)
      return clientEnd
    }
  }
}
