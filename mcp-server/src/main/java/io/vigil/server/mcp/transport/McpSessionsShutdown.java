package io.vigil.server.mcp.transport;

import io.modelcontextprotocol.server.McpSyncServer;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the MCP sessions first when the server shuts down. A client's open event stream ({@code
 * GET /mcp}) is a request that never ends by itself; left open, it would hold the web server's
 * graceful shutdown for its whole timeout (30 s). Lifecycles stop from the highest phase down, and
 * this one is the highest, so the streams are completed before the web server begins to drain; tool
 * calls in flight still finish during the drain.
 */
final class McpSessionsShutdown implements SmartLifecycle {

  /** Stops before the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}). */
  static final int PHASE = Integer.MAX_VALUE;

  private final McpSyncServer server;
  private volatile boolean running;

  McpSessionsShutdown(McpSyncServer server) {
    this.server = server;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    server.closeGracefully();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
