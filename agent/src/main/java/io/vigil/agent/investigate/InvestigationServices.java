package io.vigil.agent.investigate;

import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.comparison.VersionComparisonService;
import io.vigil.tools.distribution.FeatureDistributionService;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.segments.SegmentService;
import io.vigil.tools.store.Database;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The query services an investigation reads, the same ones the MCP tools and the REST API are made
 * of, and the profile window they align ranges to (the ingest settings' window), to which the
 * investigation aligns its own windows so that no service widens them into each other.
 */
public record InvestigationServices(
    AccuracyService accuracy,
    DriftService drift,
    VersionComparisonService comparison,
    FeatureDistributionService distribution,
    SegmentService segments,
    LatencyService latency,
    InferenceLogService logs,
    Duration alignment) {

  public InvestigationServices {
    Objects.requireNonNull(alignment, "alignment");
    Objects.requireNonNull(accuracy, "accuracy");
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(segments, "segments");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(logs, "logs");
  }

  /** Every service over one store, as the application wires them. */
  public static InvestigationServices over(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings settings) {
    return new InvestigationServices(
        new AccuracyService(database, registry, clock, settings),
        new DriftService(database, registry, clock, settings),
        new VersionComparisonService(database, registry, clock, settings),
        new FeatureDistributionService(database, registry, clock, settings),
        new SegmentService(database, registry, clock, settings),
        new LatencyService(database, registry, clock, settings),
        new InferenceLogService(database, registry, clock),
        settings.window());
  }
}
