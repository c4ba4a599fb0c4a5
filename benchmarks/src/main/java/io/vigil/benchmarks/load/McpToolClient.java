package io.vigil.benchmarks.load;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;

/**
 * The MCP SDK's own client on the server's Streamable HTTP endpoint, one session for the run, as an
 * LLM client would hold it. Calls block, so the load run makes them on threads of their own.
 */
final class McpToolClient implements AutoCloseable {

  /**
   * How the server's tools begin the error they answer when the store cannot be reached (or no
   * connection to it freed up in time): MCP's "try again shortly", counted as a refusal.
   */
  static final String STORE_UNAVAILABLE = "Vigil's store is unavailable right now";

  /**
   * How they begin the error they answer when as many queries as the server answers at once are
   * running ({@code vigil.query.max-concurrent}): also "ask again shortly", also a refusal.
   */
  static final String QUERIES_BUSY = "Vigil is busy answering";

  private final McpSyncClient client;

  private McpToolClient(McpSyncClient client) {
    this.client = client;
  }

  static McpToolClient connect(String base, String token, Duration timeout) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(base)
            .endpoint("/mcp")
            .addHttpRequestCustomizer(
                (request, method, uri, body, context) ->
                    request.header("Authorization", "Bearer " + token))
            .build();
    McpSyncClient client =
        McpClient.sync(transport)
            .clientInfo(Implementation.builder("vigil-load-harness", "1").build())
            .initializationTimeout(timeout)
            .requestTimeout(timeout)
            .build();
    client.initialize();
    return new McpToolClient(client);
  }

  /** Calls the tool; a failed call (no answer, an HTTP error) is an answer with status 0. */
  Answer call(Call.Tool tool) {
    long sent = System.nanoTime();
    try {
      CallToolResult result =
          client.callTool(CallToolRequest.builder(tool.name()).arguments(tool.arguments()).build());
      boolean error = Boolean.TRUE.equals(result.isError());
      String text = error ? text(result) : "";
      boolean busy = text.startsWith(STORE_UNAVAILABLE) || text.startsWith(QUERIES_BUSY);
      return new Answer(
          RequestKind.MCP_TOOL,
          200,
          false,
          error && !busy,
          busy,
          sent,
          System.nanoTime() - sent,
          LoadClient.abbreviate(text));
    } catch (RuntimeException e) {
      return new Answer(
          RequestKind.MCP_TOOL,
          0,
          false,
          false,
          false,
          sent,
          System.nanoTime() - sent,
          LoadClient.abbreviate(String.valueOf(e)));
    }
  }

  @Override
  public void close() {
    client.closeGracefully();
  }

  private static String text(CallToolResult result) {
    return result.content().stream()
        .filter(TextContent.class::isInstance)
        .map(content -> ((TextContent) content).text())
        .findFirst()
        .orElse("(no text)");
  }
}
