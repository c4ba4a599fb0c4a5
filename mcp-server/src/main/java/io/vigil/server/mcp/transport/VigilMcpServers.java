package io.vigil.server.mcp.transport;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServer.SyncSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.vigil.server.mcp.McpCatalog;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds Vigil's MCP server over any transport from the one {@link McpCatalog}, so stdio and
 * Streamable HTTP offer the same tools, resources and prompts and answer alike. The server is
 * {@code vigil} with the application's version; it declares tools, resources, prompts and logging;
 * every tool is guarded by the caller's role ({@link ToolGuard}).
 *
 * <p>Protocol versions: the server answers a client's {@code initialize} with the client's version
 * when its transport speaks it, else with the newest, 2025-11-25. Stdio speaks 2024-11-05,
 * 2025-03-26, 2025-06-18 and 2025-11-25; Streamable HTTP 2025-03-26 and later (2024-11-05 clients
 * used the older HTTP+SSE transport, which Vigil does not serve).
 */
public final class VigilMcpServers {

  /** The server's name in {@code initialize}. */
  public static final String NAME = "vigil";

  /** Long enough for a diagnosis; a tool call past it fails rather than hanging a session. */
  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private VigilMcpServers() {}

  /** Vigil's MCP server on a single-session transport (stdio). */
  public static McpSyncServer build(
      McpServerTransportProvider transport, McpCatalog catalog, McpCallers callers) {
    List<SyncResourceSpecification> listed = catalog.listedResources().current();
    return ListedResources.follow(
        configure(McpServer.sync(transport), catalog, callers, listed), catalog, listed);
  }

  /** Vigil's MCP server on a Streamable HTTP transport (one session per client). */
  public static McpSyncServer build(
      McpStreamableServerTransportProvider transport, McpCatalog catalog, McpCallers callers) {
    List<SyncResourceSpecification> listed = catalog.listedResources().current();
    return ListedResources.follow(
        configure(McpServer.sync(transport), catalog, callers, listed), catalog, listed);
  }

  /** The application's version, from the jar's manifest; {@code development} in a build tree. */
  public static String version() {
    String version = VigilMcpServers.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  private static <S extends SyncSpecification<S>> McpSyncServer configure(
      SyncSpecification<S> spec,
      McpCatalog catalog,
      McpCallers callers,
      List<SyncResourceSpecification> listed) {
    ToolGuard guard = new ToolGuard(callers, catalog.tools());
    return spec.serverInfo(
            Implementation.builder(NAME, version())
                .title("Vigil")
                .description("Monitoring and root-cause diagnosis for production ML models")
                .build())
        .jsonMapper(McpJsonDefaults.getMapper())
        .capabilities(
            ServerCapabilities.builder()
                .tools(false)
                .resources(false, true)
                .prompts(false)
                .logging()
                .build())
        .instructions(catalog.instructions())
        .requestTimeout(REQUEST_TIMEOUT)
        .tools(catalog.tools().stream().map(guard::guard).toList())
        .addToolFilter(guard.listFilter())
        .resources(Stream.concat(catalog.resources().stream(), listed.stream()).toList())
        .resourceTemplates(catalog.resourceTemplates())
        .prompts(catalog.prompts())
        .build();
  }
}
