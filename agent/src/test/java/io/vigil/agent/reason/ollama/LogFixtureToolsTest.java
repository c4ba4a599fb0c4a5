package io.vigil.agent.reason.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.comparison.VersionComparisonService;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.latency.LatencyService;
import io.vigil.tools.logs.InferenceLogService;
import io.vigil.tools.segments.SegmentService;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.LogFixture;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The version comparison, segment and latency tools over {@link LogFixture}'s seeded traffic: in
 * its window v2 serves 30% with a slow, failing tail, and region=eu on android carries the accuracy
 * drop.
 */
class LogFixtureToolsTest {

  /** The fixture's window, as a tool argument. */
  private static final String WINDOW = LogFixture.WINDOW.from() + "/" + LogFixture.WINDOW.to();

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void versionComparison_isEvidenceAboutVersionB(String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    VersionComparisonTool tool =
        new VersionComparisonTool(
            new VersionComparisonService(
                shared.database(), shared.registry(), LogFixture.CLOCK, LogFixture.INGEST));

    ToolFinding finding =
        tool.run(
            LogFixture.MODEL,
            ToolArguments.parse(
                "{\"version_a\": \"v1\", \"version_b\": \"v2\", \"time_window\": \""
                    + WINDOW
                    + "\"}"));

    assertThat(finding.kind()).isEqualTo(EvidenceKind.VERSION_COMPARISON);
    assertThat(finding.subject()).isEqualTo("v2");
    assertThat(finding.figures().get("b.error_rate"))
        .isGreaterThan(finding.figures().get("a.error_rate"));
    assertThat(finding.figures().get("b.p95_ms")).isGreaterThan(500);
    assertThat(finding.figures()).containsKeys("accuracy_difference", "p_value");
    assertThat(finding.arguments())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("version_a", "v1", "version_b", "v2", "time_window", WINDOW));
    assertThatThrownBy(
            () -> tool.run(LogFixture.MODEL, ToolArguments.parse("{\"version_a\": \"v1\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version_b is missing");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void segments_isEvidenceAboutTheTopSlice(String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    SegmentsTool tool =
        new SegmentsTool(
            new SegmentService(
                shared.database(), shared.registry(), LogFixture.CLOCK, LogFixture.INGEST));

    ToolFinding finding =
        tool.run(LogFixture.MODEL, ToolArguments.parse("{\"time_window\": \"" + WINDOW + "\"}"));

    assertThat(finding.kind()).isEqualTo(EvidenceKind.SEGMENTS);
    assertThat(finding.subject()).isIn("region=eu", "device=android");
    assertThat(finding.figures().get(finding.subject() + ".contribution_share")).isGreaterThan(0.6);
    assertThat(finding.figures().get("overall_change")).isLessThan(-0.03);
    assertThatThrownBy(
            () -> tool.run(LogFixture.MODEL, ToolArguments.parse("{\"metric\": \"latency\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accuracy or error_rate");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void latency_ofTheSlowVersion_showsItsTail(String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    LatencyTool tool =
        new LatencyTool(
            new LatencyService(
                shared.database(), shared.registry(), LogFixture.CLOCK, LogFixture.INGEST));

    ToolFinding finding =
        tool.run(
            LogFixture.MODEL,
            ToolArguments.parse("{\"version\": \"v2\", \"time_window\": \"" + WINDOW + "\"}"));

    assertThat(finding.kind()).isEqualTo(EvidenceKind.LATENCY_ERRORS);
    assertThat(finding.subject()).isEqualTo("v2");
    assertThat(finding.figures().get("p95_ms")).isGreaterThan(500);
    assertThat(finding.figures().get("error_rate")).isGreaterThan(0.03);
    assertThat(finding.figures()).containsKeys("records", "p50_ms", "p99_ms", "peak_bucket_p95_ms");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void errorPatterns_nameWhatTheFailingRecordsShare(String store, Supplier<Database> open) {
    LogFixture.Shared shared = LogFixture.shared(store, open);
    ErrorPatternsTool tool =
        new ErrorPatternsTool(
            new InferenceLogService(shared.database(), shared.registry(), LogFixture.CLOCK));

    ToolFinding finding =
        tool.run(LogFixture.MODEL, ToolArguments.parse("{\"time_window\": \"" + WINDOW + "\"}"));

    assertThat(finding.kind()).isEqualTo(EvidenceKind.LOG_PATTERNS);
    assertThat(finding.subject()).isNotEmpty();
    assertThat(finding.figures().get(finding.subject() + ".lift")).isGreaterThan(1.5);
    assertThat(finding.figures().get(finding.subject() + ".adjusted_p_value")).isLessThan(0.05);
    assertThat(finding.arguments()).containsExactlyEntriesOf(Map.of("time_window", WINDOW));
  }
}
