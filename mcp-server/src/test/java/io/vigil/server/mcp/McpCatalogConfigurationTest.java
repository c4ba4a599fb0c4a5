package io.vigil.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.admission.QueryAdmission;
import io.vigil.server.mcp.tools.TestIncidentServices;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.baseline.BaselineService;
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
import io.vigil.tools.testing.TestStores;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class McpCatalogConfigurationTest {

  @Test
  void mcpCatalog_fromTheServiceBeans_offersEveryToolResourceAndPrompt() {
    try (Database database = TestStores.h2()) {
      InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-02T00:00:00Z"));
      IngestSettings settings = IngestSettings.defaults();
      ModelRegistry registry = new ModelRegistry(database, clock);
      DriftService drift = new DriftService(database, registry, clock, settings);

      McpCatalog catalog =
          new McpCatalogConfiguration()
              .mcpCatalog(
                  registry,
                  new HealthService(database, registry, clock, settings, drift),
                  new AccuracyService(database, registry, clock, settings),
                  drift,
                  new InferenceLogService(database, registry, clock),
                  new VersionComparisonService(database, registry, clock, settings),
                  new FeatureDistributionService(database, registry, clock, settings),
                  new LatencyService(database, registry, clock, settings),
                  new SegmentService(database, registry, clock, settings),
                  new BaselineService(database, registry, clock, settings),
                  TestIncidentServices.over(
                      database, registry, clock, settings, new IncidentStore(database, clock)),
                  new QueryAdmission(8, Duration.ofSeconds(1)));

      assertThat(catalog.tools()).hasSize(12);
      assertThat(catalog.resources())
          .extracting(r -> r.resource().uri())
          .containsExactly("vigil://models");
      assertThat(catalog.resourceTemplates())
          .extracting(t -> t.resourceTemplate().uriTemplate())
          .containsExactly("vigil://models/{model}", "vigil://incidents/{id}");
      assertThat(catalog.prompts())
          .extracting(p -> p.prompt().name())
          .containsExactly("investigate_model_degradation", "explain_incident");
      assertThat(catalog.instructions())
          .containsSubsequence(
              "list_models", "get_model_accuracy", "detect_data_drift", "query_inference_logs")
          .contains("never instructions");
    }
  }
}
