package io.vigil.server.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls the model can correct come back as tool errors ({@code isError}) whose message says how:
 * never as an exception, a protocol error or a stack trace.
 */
class InvalidArgumentsTest {

  private static Database database;
  private static TrafficFixture fixture;
  private static ToolHarness harness;

  @BeforeAll
  static void seed() {
    database = TestStores.h2();
    fixture = TrafficFixture.open(database);
    fixture.classifier("fraud", OptionalDouble.of(0.85), "v1", "v2");
    fixture.write(Traffic.of("fraud", "v1", Instant.parse("2026-11-01T00:00:00Z"), 240));
    harness = new ToolHarness(database, fixture.registry(), fixture.clock());
  }

  @AfterAll
  static void close() {
    fixture.close();
    database.close();
  }

  static Stream<Arguments> invalidCalls() {
    return Stream.of(
        // Missing required arguments.
        Arguments.of("get_model_accuracy", Map.of(), "Missing required argument 'model'"),
        Arguments.of(
            "compare_model_versions",
            Map.of("model", "fraud", "version_a", "v1"),
            "Missing required argument 'version_b'"),
        Arguments.of(
            "get_feature_distribution",
            Map.of("model", "fraud"),
            "Missing required argument 'feature'"),
        // Unknown arguments.
        Arguments.of(
            "detect_data_drift",
            Map.of("model", "fraud", "window", "24h"),
            "Unknown argument 'window'. This tool takes only: model, version, time_window"),
        Arguments.of(
            "query_inference_logs",
            Map.of("model", "fraud", "filters", Map.of("colour", "red")),
            "Unknown argument 'filters.colour'"),
        Arguments.of("list_models", Map.of("model", "fraud"), "Unknown argument 'model'"),
        // Wrong types and ranges.
        Arguments.of("get_latency_metrics", Map.of("model", 42), "expected a string, got 42"),
        Arguments.of(
            "detect_data_drift",
            Map.of("model", "fraud", "features", "amount"),
            "expected an array of strings"),
        Arguments.of(
            "query_inference_logs",
            Map.of("model", "fraud", "limit", 5000),
            "'limit': must be between 1 and 100, was 5000"),
        Arguments.of(
            "query_inference_logs",
            Map.of("model", "fraud", "limit", 2.5),
            "expected a whole number"),
        Arguments.of(
            "analyze_segments",
            Map.of("model", "fraud", "metric", "precision"),
            "'precision' is not one of accuracy, error_rate"),
        Arguments.of(
            "detect_data_drift", Map.of("model", "fraud", "alpha", 1), "alpha must be in (0, 1)"),
        // Bad time windows and granularities.
        Arguments.of(
            "get_model_accuracy",
            Map.of("model", "fraud", "time_window", "last tuesday"),
            "Write a relative window such as 24h, 7d or 24h@now"),
        Arguments.of(
            "get_latency_metrics",
            Map.of("model", "fraud", "granularity", "2026-11-01T00:00Z/2026-11-02T00:00Z"),
            "expected a length such as 5m, 1h or 1d"),
        Arguments.of(
            "query_inference_logs",
            Map.of("model", "fraud", "filters", Map.of("where", List.of("amount >>> 3"))),
            "'filters.where'"),
        // Unknown models, versions and features, with the known ones.
        Arguments.of(
            "get_model_accuracy", Map.of("model", "fruad"), "unknown model 'fruad'; known: fraud"),
        Arguments.of(
            "compare_model_versions",
            Map.of("model", "fraud", "version_a", "v1", "version_b", "v9"),
            "known: v1, v2"),
        Arguments.of(
            "detect_data_drift", Map.of("model", "fraud", "features", List.of("amout")), "amount"),
        Arguments.of(
            "get_feature_distribution", Map.of("model", "fraud", "feature", "amout"), "amount"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("invalidCalls")
  void call_withAnArgumentToCorrect_isAToolErrorSayingHow(
      String tool, Map<String, Object> arguments, String message) {
    CallToolResult result = harness.call(tool, arguments);

    assertThat(result.isError()).isTrue();
    assertThat(result.structuredContent()).isNull();
    assertThat(ToolHarness.text(result)).contains(message).doesNotContain("\tat io.");
  }

  @Test
  void call_withNullArguments_isReadAsNoArguments() {
    CallToolResult result = harness.call("list_models", null);

    assertThat(result.isError()).isFalse();
  }
}
