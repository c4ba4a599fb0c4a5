package io.vigil.server.mcp.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.vigil.agent.incidents.IncidentQueries;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.health.HealthService;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelResourcesTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  private static Database database;
  private static TrafficFixture fixture;
  private static ModelResources resources;

  @BeforeAll
  static void seed() {
    database = TestStores.h2();
    fixture = TrafficFixture.open(database);
    fixture.classifier("fraud", OptionalDouble.of(0.85), "v1", "v2");
    fixture.write(Traffic.of("fraud", "v1", START, 240));
    BaselineService baselines =
        new BaselineService(database, fixture.registry(), fixture.clock(), fixture.settings());
    baselines.fromWindow("fraud", "v1", new TimeRange(START, START.plusSeconds(3_600)));
    DriftService drift =
        new DriftService(database, fixture.registry(), fixture.clock(), fixture.settings());
    resources =
        new ModelResources(
            fixture.registry(),
            new HealthService(
                database, fixture.registry(), fixture.clock(), fixture.settings(), drift),
            baselines);
  }

  @AfterAll
  static void close() {
    fixture.close();
    database.close();
  }

  @Test
  void listing_namesEveryModelWithItsResourceUri() throws Exception {
    JsonNode listing =
        json(
            resources
                .listing()
                .readHandler()
                .apply(null, new ReadResourceRequest("vigil://models", null)));

    assertThat(listing.get("models").get(0).get("name").asText()).isEqualTo("fraud");
    assertThat(listing.get("models").get(0).get("uri").asText()).isEqualTo("vigil://models/fraud");
    assertThat(resources.listing().resource().uri()).isEqualTo("vigil://models");
  }

  @Test
  void template_readsAModelsVersionsBaselineSloAndHealth() throws Exception {
    JsonNode model =
        json(
            resources
                .template()
                .readHandler()
                .apply(null, new ReadResourceRequest("vigil://models/fraud", null)));

    assertThat(resources.template().resourceTemplate().uriTemplate())
        .isEqualTo("vigil://models/{model}");
    assertThat(model.get("versions")).hasSize(2);
    assertThat(model.get("active_version").asText()).isEqualTo("v1");
    assertThat(model.get("accuracy_target").asDouble()).isEqualTo(0.85);
    assertThat(model.get("baselines").get(0).get("version").asText()).isEqualTo("v1");
    assertThat(model.get("health").get("slo").get("status").asText()).isNotBlank();
    assertThat(model.get("health").get("status").asText()).isNotBlank();
  }

  @Test
  void template_forAnUnknownModel_isResourceNotFoundNamingTheKnownOnes() {
    assertThatThrownBy(
            () ->
                resources
                    .template()
                    .readHandler()
                    .apply(null, new ReadResourceRequest("vigil://models/fruad", null)))
        .isInstanceOfSatisfying(
            McpError.class,
            e -> {
              assertThat(e.getJsonRpcError().code())
                  .isEqualTo(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND);
              assertThat(e.getJsonRpcError().message())
                  .contains("unknown model 'fruad'", "known: fraud");
            });
  }

  @Test
  void incidentTemplate_readsAnIncidentAndRefusesAnUnknownOne() {
    IncidentStore store = new IncidentStore(database, fixture.clock());
    Incident opened =
        store.open(
            "fraud",
            new Trigger(
                SignalKind.ON_DEMAND,
                new TimeRange(Instant.parse("2026-11-01T00:00:00Z"), fixture.clock().instant()),
                Double.NaN,
                Double.NaN,
                "asked"),
            "fraud: diagnosis requested",
            "alice");
    IncidentResources incidents = new IncidentResources(new IncidentQueries(store));
    String uri = "vigil://incidents/" + opened.id();

    ReadResourceResult read =
        incidents.template().readHandler().apply(null, new ReadResourceRequest(uri, null));

    assertThat(((TextResourceContents) read.contents().get(0)).text())
        .contains(opened.id())
        .contains("ON_DEMAND")
        .doesNotContain("NaN");
    assertThatThrownBy(
            () ->
                incidents
                    .template()
                    .readHandler()
                    .apply(null, new ReadResourceRequest("vigil://incidents/inc-999", null)))
        .isInstanceOfSatisfying(
            McpError.class, e -> assertThat(e.getJsonRpcError().message()).contains("inc-999"));
    assertThat(incidents.template().resourceTemplate().uriTemplate())
        .isEqualTo("vigil://incidents/{id}");
  }

  private static JsonNode json(ReadResourceResult result) throws Exception {
    TextResourceContents contents = (TextResourceContents) result.contents().get(0);
    assertThat(contents.mimeType()).isEqualTo("application/json");
    return new ObjectMapper().readTree(contents.text());
  }
}
