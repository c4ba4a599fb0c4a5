package io.vigil.server.mcp.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.vigil.server.admission.QueryAdmission;
import io.vigil.server.mcp.McpCatalog.CatalogTool;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.comparison.VersionComparisonService;
import io.vigil.tools.distribution.FeatureDistributionService;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.health.HealthService;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.segments.SegmentService;
import io.vigil.tools.store.Database;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/** The tool catalogue over a store, and calls of its handlers as a transport would make them. */
final class ToolHarness {

  private static final ObjectMapper JSON = new ObjectMapper();

  final List<CatalogTool> tools;
  final IncidentStore incidents;

  /** One query at a time, refused at once past it: a test holds the turn to see the refusal. */
  final QueryAdmission admission = new QueryAdmission(1, Duration.ZERO);

  ToolHarness(Database database, ModelRegistry registry, InstantSource clock) {
    IngestSettings settings = IngestSettings.defaults();
    DriftService drift = new DriftService(database, registry, clock, settings);
    this.incidents = new IncidentStore(database, clock);
    this.tools =
        McpTools.of(
            new ToolServices(
                registry,
                new HealthService(database, registry, clock, settings, drift),
                new AccuracyService(database, registry, clock, settings),
                drift,
                new InferenceLogService(database, registry, clock),
                new VersionComparisonService(database, registry, clock, settings),
                new FeatureDistributionService(database, registry, clock, settings),
                new LatencyService(database, registry, clock, settings),
                new SegmentService(database, registry, clock, settings)),
            TestIncidentServices.over(database, registry, clock, settings, incidents),
            admission);
  }

  CatalogTool tool(String name) {
    return tools.stream()
        .filter(tool -> tool.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tool " + name));
  }

  /** Calls the tool's handler as the SDK does, without an exchange (the tools do not use it). */
  CallToolResult call(String name, Map<String, Object> arguments) {
    return tool(name)
        .specification()
        .callHandler()
        .apply(null, new CallToolRequest(name, arguments, null));
  }

  static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  /** The result as a client receives it, in JSON. */
  static String serialized(CallToolResult result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
