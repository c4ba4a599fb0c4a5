package io.vigil.server.mcp.transport;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.vigil.server.mcp.McpCatalog;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * One MCP session over a pair of streams (stdin and stdout for {@code vigil mcp}): newline-
 * delimited JSON-RPC in, the same out, and nothing else on the output. The caller is the local user
 * ({@link McpCallers#LOCAL_USER}). Serves until the input ends (the client closed it or went away).
 */
public final class StdioMcpServer {

  private StdioMcpServer() {}

  /**
   * Serves {@code catalog} until {@code in} ends, then closes the session.
   *
   * @throws InterruptedException if the waiting thread is interrupted (the session is closed)
   */
  public static void serve(McpCatalog catalog, InputStream in, OutputStream out)
      throws InterruptedException {
    EndSignallingInput input = new EndSignallingInput(in);
    McpSyncServer server =
        VigilMcpServers.build(
            new StdioServerTransportProvider(McpJsonDefaults.getMapper(), input, out),
            catalog,
            McpCallers.LOCAL_USER);
    try {
      input.ended.await();
    } finally {
      server.closeGracefully();
    }
  }

  /** Counts down when the stream ends or fails: the transport's reader has then stopped. */
  private static final class EndSignallingInput extends FilterInputStream {

    final CountDownLatch ended = new CountDownLatch(1);

    EndSignallingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      return signalEnd(() -> super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return signalEnd(() -> super.read(buffer, offset, length));
    }

    @Override
    public void close() throws IOException {
      ended.countDown();
      super.close();
    }

    private int signalEnd(Read read) throws IOException {
      try {
        int result = read.read();
        if (result < 0) {
          ended.countDown();
        }
        return result;
      } catch (IOException | RuntimeException e) {
        ended.countDown();
        throw e;
      }
    }

    @FunctionalInterface
    private interface Read {
      int read() throws IOException;
    }
  }
}
