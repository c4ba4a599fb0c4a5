package io.vigil.server.mcp.transport;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.vigil.server.mcp.McpCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a server's listed resources in step with the catalogue's run-time source (one resource per
 * model): what is new is added, what is gone removed; the SDK tells clients the list changed.
 */
final class ListedResources {

  private static final Logger log = LoggerFactory.getLogger(ListedResources.class);

  private final McpSyncServer server;
  private final McpCatalog.ResourceSource source;
  private final Set<String> listed = new HashSet<>();

  private ListedResources(McpSyncServer server, McpCatalog.ResourceSource source) {
    this.server = server;
    this.source = source;
  }

  /**
   * Follows the source's changes on {@code server}, which was built listing {@code initial} (built
   * in, not added: the SDK tells clients of every addition, and a stdio client must not hear of one
   * before it has initialized).
   */
  static McpSyncServer follow(
      McpSyncServer server, McpCatalog catalog, List<SyncResourceSpecification> initial) {
    ListedResources listing = new ListedResources(server, catalog.listedResources());
    initial.forEach(resource -> listing.listed.add(resource.resource().uri()));
    catalog.listedResources().onChange(listing::sync);
    return server;
  }

  private synchronized void sync() {
    Set<String> current = new HashSet<>();
    try {
      for (SyncResourceSpecification resource : source.current()) {
        String uri = resource.resource().uri();
        current.add(uri);
        if (!listed.contains(uri)) {
          server.addResource(resource); // the SDK notifies clients that the list changed
        }
      }
      for (String uri : Set.copyOf(listed)) {
        if (!current.contains(uri)) {
          server.removeResource(uri);
        }
      }
      listed.clear();
      listed.addAll(current);
    } catch (RuntimeException e) {
      log.warn("could not update the listed MCP resources: {}", e.toString());
    }
  }
}
