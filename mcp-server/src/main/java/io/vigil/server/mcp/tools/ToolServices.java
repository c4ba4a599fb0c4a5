package io.vigil.server.mcp.tools;

import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.comparison.VersionComparisonService;
import io.vigil.tools.distribution.FeatureDistributionService;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.health.HealthService;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.segments.SegmentService;
import java.util.Objects;

/** The observability services the MCP tools answer with: the same ones REST and the agent use. */
public record ToolServices(
    ModelRegistry registry,
    HealthService health,
    AccuracyService accuracy,
    DriftService drift,
    InferenceLogService logs,
    VersionComparisonService comparison,
    FeatureDistributionService distribution,
    LatencyService latency,
    SegmentService segments) {

  public ToolServices {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(accuracy, "accuracy");
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(logs, "logs");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(segments, "segments");
  }
}
