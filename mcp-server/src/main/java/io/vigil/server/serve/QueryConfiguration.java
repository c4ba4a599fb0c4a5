package io.vigil.server.serve;

import io.vigil.server.admission.QueryAdmission;
import io.vigil.server.metrics.FeatureDriftGauges;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.comparison.VersionComparisonService;
import io.vigil.tools.distribution.FeatureDistributionService;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.health.HealthService;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.segments.SegmentService;
import io.vigil.tools.store.Database;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The observability services over the store, as beans: what the query endpoints (and later the MCP
 * tools) answer with. Every service reads the store with the settings the writer wrote it with.
 * Public so that {@code vigil mcp}, which runs without the web server and the writer, can import
 * the same services.
 */
@Configuration(proxyBeanMethods = false)
public class QueryConfiguration {

  /** One for the process: REST reads and MCP tool calls take their turns from the same budget. */
  @Bean
  QueryAdmission queryAdmission(VigilProperties properties) {
    return properties.query().admission();
  }

  @Bean
  AccuracyService accuracyService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings settings) {
    return new AccuracyService(database, registry, clock, settings);
  }

  /**
   * Every drift answer also sets the {@code vigil_feature_drift_score} and {@code
   * vigil_feature_drift_risk} gauges of the features it scored.
   */
  @Bean
  DriftService driftService(
      Database database,
      ModelRegistry registry,
      InstantSource clock,
      IngestSettings settings,
      FeatureDriftGauges gauges) {
    DriftService drift = new DriftService(database, registry, clock, settings);
    drift.addScoreListener(gauges);
    return drift;
  }

  @Bean
  VersionComparisonService versionComparisonService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings settings) {
    return new VersionComparisonService(database, registry, clock, settings);
  }

  @Bean
  HealthService healthService(
      Database database,
      ModelRegistry registry,
      InstantSource clock,
      IngestSettings settings,
      DriftService drift) {
    return new HealthService(database, registry, clock, settings, drift);
  }

  @Bean
  BaselineService baselineService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings settings) {
    return new BaselineService(database, registry, clock, settings);
  }

  @Bean
  InferenceLogService inferenceLogService(
      Database database, ModelRegistry registry, InstantSource clock) {
    return new InferenceLogService(database, registry, clock);
  }

  @Bean
  FeatureDistributionService featureDistributionService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings settings) {
    return new FeatureDistributionService(database, registry, clock, settings);
  }

  @Bean
  SegmentService segmentService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings settings) {
    return new SegmentService(database, registry, clock, settings);
  }

  @Bean
  LatencyService latencyService(
      Database database, ModelRegistry registry, InstantSource clock, IngestSettings settings) {
    return new LatencyService(database, registry, clock, settings);
  }
}
