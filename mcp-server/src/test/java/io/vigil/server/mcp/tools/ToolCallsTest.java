package io.vigil.server.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.vigil.server.admission.QueryAdmission;
import io.vigil.server.mcp.McpCatalog.CatalogTool;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.LogFixture;
import io.vigil.tools.testing.TestStores;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tool called on {@link LogFixture}'s seeded traffic (written through the real writer into an
 * H2 store): the answers carry the planted figures, and their structured content validates against
 * the tool's declared output schema.
 */
class ToolCallsTest {

  private static final String SIX_HOURS = "2026-11-01T06:00:00Z/2026-11-01T12:00:00Z";

  private static Database database;
  private static ToolHarness harness;

  @BeforeAll
  static void seed() {
    database = TestStores.h2();
    LogFixture.Loaded loaded = LogFixture.load(database, LogFixture.SEED, 1_500);
    LogFixture.insertBaseline(
        database, loaded.registry(), loaded.traffic(), LogFixture.V1, LogFixture.WINDOW_START);
    harness = new ToolHarness(database, loaded.registry(), LogFixture.CLOCK);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  /** A successful call of every read tool. */
  static Stream<Arguments> successfulCalls() {
    return Stream.of(
        Arguments.of("list_models", Map.of()),
        Arguments.of("get_model_accuracy", Map.of("model", "checkout", "time_window", "12h")),
        Arguments.of(
            "detect_data_drift",
            Map.of("model", "checkout", "version", "v1", "time_window", SIX_HOURS)),
        Arguments.of(
            "query_inference_logs",
            Map.of(
                "model",
                "checkout",
                "time_window",
                "6h",
                "filters",
                Map.of("error", "failed"),
                "limit",
                5)),
        Arguments.of(
            "compare_model_versions",
            Map.of("model", "checkout", "version_a", "v1", "version_b", "v2", "time_window", "6h")),
        Arguments.of(
            "get_feature_distribution",
            Map.of("model", "checkout", "feature", "age", "time_window", "6h", "version", "v1")),
        Arguments.of(
            "get_feature_distribution",
            Map.of("model", "checkout", "feature", "city", "time_window", "6h")),
        Arguments.of("get_latency_metrics", Map.of("model", "checkout", "time_window", "6h")),
        Arguments.of("analyze_segments", Map.of("model", "checkout", "time_window", "6h")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("successfulCalls")
  void call_onSeededData_answersWithStructuredContentThatMatchesTheOutputSchema(
      String tool, Map<String, Object> arguments) {
    CatalogTool catalogTool = harness.tool(tool);

    CallToolResult result = harness.call(tool, arguments);

    assertThat(result.isError()).as(ToolHarness.text(result)).isFalse();
    ValidationResponse validation =
        new DefaultJsonSchemaValidator()
            .validate(
                catalogTool.specification().tool().outputSchema(), result.structuredContent());
    assertThat(validation.valid()).as(validation.errorMessage()).isTrue();
    assertThat(ToolHarness.text(result)).isNotBlank();
    assertThat(ToolHarness.serialized(result).length()).isLessThanOrEqualTo(20_480);
  }

  @Test
  void call_whileEveryQueryTurnIsTaken_isAToolErrorSayingWhenToAskAgain_andIsAnsweredOnceFree() {
    QueryAdmission.Turn held = harness.admission.admit();
    CallToolResult refused;
    CallToolResult badArguments;
    try {
      refused = harness.call("list_models", Map.of());
      badArguments = harness.call("get_model_accuracy", Map.of("time_window", "12h"));
    } finally {
      held.close();
    }
    CallToolResult answered = harness.call("list_models", Map.of());

    assertThat(refused.isError()).isTrue();
    assertThat(ToolHarness.text(refused))
        .startsWith("Vigil is busy answering 1 queries")
        .contains("ask again in 1 s");
    assertThat(badArguments.isError()).isTrue();
    assertThat(ToolHarness.text(badArguments)).contains("model").doesNotContain("busy");
    assertThat(answered.isError()).as(ToolHarness.text(answered)).isFalse();
    assertThat(harness.admission.running()).isZero();
  }

  @Test
  void listModels_namesTheModelItsVersionsAndActiveVersion() {
    Map<String, Object> answer = structured(harness.call("list_models", Map.of()));

    Map<String, Object> model = first(answer, "models");
    assertThat(model).containsEntry("name", "checkout").containsEntry("active_version", "v1");
    assertThat(list(model, "versions")).hasSize(2);
    assertThat(model.get("traffic")).isEqualTo(Map.of("v1", 0.7, "v2", 0.3));
    assertThat(map(model, "health").get("status")).isIn("HEALTHY", "WARNING", "CRITICAL");
    assertThat(((Number) map(model, "health").get("records_last24h")).longValue()).isPositive();
    assertThat(ToolHarness.text(harness.call("list_models", Map.of()))).contains("\"checkout\"");
  }

  @Test
  void detectDataDrift_findsThePlantedAgeShiftWithItsDynamics() {
    Map<String, Object> answer =
        structured(
            harness.call(
                "detect_data_drift",
                Map.of("model", "checkout", "version", "v1", "time_window", SIX_HOURS)));

    Map<String, Object> top = first(answer, "features");
    assertThat(top).containsEntry("feature", "age").containsEntry("verdict", "DRIFTED");
    assertThat(answer.get("range"))
        .isEqualTo(Map.of("from", "2026-11-01T06:00:00Z", "to", "2026-11-01T12:00:00Z"));
    assertThat(((Number) answer.get("current_records")).longValue()).isPositive();
    @SuppressWarnings("unchecked")
    Map<String, Object> dynamics = (Map<String, Object>) top.get("dynamics");
    assertThat(dynamics)
        .containsKeys("level", "velocity_per_window", "acceleration_per_window", "risk");
    assertThat(list(dynamics, "scores")).hasSizeLessThanOrEqualTo(DriftCompaction.MAX_SCORES);
  }

  @Test
  void queryInferenceLogs_pagesThroughFailedRecordsAndSummarizesErrorPatterns() {
    Map<String, Object> arguments =
        Map.of(
            "model",
            "checkout",
            "time_window",
            "6h",
            "filters",
            Map.of("error", "failed"),
            "limit",
            5);

    Map<String, Object> first = structured(harness.call("query_inference_logs", arguments));
    Map<String, Object> second =
        structured(
            harness.call(
                "query_inference_logs",
                Map.of(
                    "model",
                    "checkout",
                    "time_window",
                    "6h",
                    "filters",
                    Map.of("error", "failed"),
                    "limit",
                    5,
                    "offset",
                    5)));

    assertThat(list(first, "records"))
        .hasSize(5)
        .allSatisfy(r -> assertThat(r).containsKey("error"));
    assertThat(first.get("next_offset")).isEqualTo(5);
    assertThat(list(second, "records")).hasSize(5);
    assertThat(list(second, "records")).doesNotContainAnyElementsOf(list(first, "records"));
    assertThat(first).containsKey("error_patterns");
  }

  @Test
  void compareModelVersions_showsV2FailingMoreOften() {
    Map<String, Object> answer =
        structured(
            harness.call(
                "compare_model_versions",
                Map.of(
                    "model",
                    "checkout",
                    "version_a",
                    "v1",
                    "version_b",
                    "v2",
                    "time_window",
                    "6h")));

    double v1 = ((Number) map(answer, "a").get("error_rate")).doubleValue();
    double v2 = ((Number) map(answer, "b").get("error_rate")).doubleValue();
    assertThat(v2).isGreaterThan(v1);
  }

  @Test
  void getFeatureDistribution_showsAgeFifteenYearsAboveTheBaseline() {
    Map<String, Object> answer =
        structured(
            harness.call(
                "get_feature_distribution",
                Map.of(
                    "model", "checkout", "feature", "age", "time_window", "6h", "version", "v1")));

    Map<String, Object> numeric = map(answer, "numeric");
    double current = ((Number) map(map(numeric, "current"), "values").get("mean")).doubleValue();
    double baseline = ((Number) map(map(numeric, "baseline"), "values").get("mean")).doubleValue();
    assertThat(current - baseline).isBetween(12.0, 18.0);
  }

  @Test
  void analyzeSegments_blamesEuOnAndroid() {
    CallToolResult result =
        harness.call("analyze_segments", Map.of("model", "checkout", "time_window", "6h"));

    Map<String, Object> top = first(structured(result), "slices");
    assertThat(map(top, "conditions"))
        .containsAnyOf(Map.entry("region", "eu"), Map.entry("device", "android"));
  }

  @Test
  void getModelAccuracy_statesTheAbsoluteRangeAndSampleSizes() {
    Map<String, Object> answer =
        structured(
            harness.call(
                "get_model_accuracy",
                Map.of("model", "checkout", "time_window", "2026-11-01T00:00Z/2026-11-01T12:00Z")));

    assertThat(map(answer, "range"))
        .as(answer.toString())
        .containsEntry("from", "2026-11-01T00:00:00Z");
    Map<String, Map<String, Object>> byVersion = new java.util.HashMap<>();
    list(answer, "versions")
        .forEach(v -> byVersion.put((String) v.get("version"), map(v, "total")));
    assertThat(byVersion).containsOnlyKeys("v1", "v2");
    assertThat(((Number) byVersion.get("v1").get("labeled")).longValue()).isPositive();
    // v2 served only the window in which eu/android predictions were planted to go wrong.
    assertThat(accuracy(byVersion.get("v2"))).isLessThan(accuracy(byVersion.get("v1")));
  }

  private static double accuracy(Map<String, Object> total) {
    return ((Number) map(total, "accuracy").get("accuracy")).doubleValue();
  }

  @Test
  void incidentTools_diagnoseRecordAnIncidentThatTheOthersRead() {
    Map<String, Object> diagnosed =
        structured(harness.call("diagnose_model", Map.of("model", "checkout")));
    String id = (String) diagnosed.get("id");

    Map<String, Object> read = structured(harness.call("get_incident", Map.of("id", id)));
    Map<String, Object> listed = structured(harness.call("list_incidents", Map.of()));
    CallToolResult unknown = harness.call("get_incident", Map.of("id", "inc-999"));

    assertThat(id).startsWith("inc-");
    assertThat(diagnosed).containsKeys("trigger", "evidence", "diagnosis", "timeline", "summary");
    assertThat(read.get("id")).isEqualTo(id);
    assertThat(listed.get("incidents").toString()).contains(id);
    assertThat(unknown.isError()).isTrue();
    assertThat(ToolHarness.text(unknown)).contains("inc-999").contains("list_incidents");
  }

  @Test
  void proposeRemediation_recordsAProposalAndExecutesNothing() {
    String id =
        (String) structured(harness.call("diagnose_model", Map.of("model", "checkout"))).get("id");
    String state = harness.incidents.require(id).state().name();

    CallToolResult result =
        harness.call(
            "propose_remediation",
            Map.of("incident_id", id, "action", "escalate", "rationale", "a person decides"));

    if (state.equals("DIAGNOSED") || state.equals("AWAITING_APPROVAL")) {
      Map<String, Object> proposal = structured(result);
      assertThat(proposal.get("status")).isEqualTo("PENDING_APPROVAL");
      assertThat(proposal.get("proposed_by")).isEqualTo("local user");
      assertThat(harness.incidents.executions(id)).isEmpty();
    } else {
      assertThat(result.isError()).isTrue();
      assertThat(ToolHarness.text(result)).contains("can be proposed only");
    }
  }

  static Map<String, Object> structured(CallToolResult result) {
    assertThat(result.isError()).as(ToolHarness.text(result)).isFalse();
    @SuppressWarnings("unchecked")
    Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
    return structured;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    return (List<Map<String, Object>>) parent.get(key);
  }

  static Map<String, Object> first(Map<String, Object> parent, String key) {
    return list(parent, key).get(0);
  }
}
