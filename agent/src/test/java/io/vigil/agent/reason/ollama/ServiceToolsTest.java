package io.vigil.agent.reason.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.agent.investigate.Investigation;
import io.vigil.agent.reason.Reasoning;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.baseline.BaselineService;
import io.vigil.tools.drift.DriftService;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.UnknownModelException;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accuracy and drift tools over a seeded store: a day of "fraud" v1 traffic as the baseline,
 * then a day in which "amount" shifted by one standard deviation and accuracy fell to 0.75.
 */
class ServiceToolsTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant DAY_2 = START.plus(Duration.ofDays(1));

  /** A record every two minutes: a day of traffic in 720 records, enough for every figure here. */
  private static final Duration SPACING = Duration.ofMinutes(2);

  private static final int DAY_OF_RECORDS = 720;

  private static void seed(Database database, TrafficFixture fixture) {
    fixture.classifier("fraud", OptionalDouble.of(0.9), "v1");
    Traffic day =
        Traffic.of("fraud", "v1", START, DAY_OF_RECORDS).withSpacing(SPACING).withAccuracy(0.95);
    fixture.write(day);
    new BaselineService(database, fixture.registry(), fixture.clock(), fixture.settings())
        .fromWindow("fraud", "v1", new TimeRange(day.start(), day.end()));
    fixture.write(
        Traffic.of("fraud", "v1", DAY_2, DAY_OF_RECORDS)
            .withSpacing(SPACING)
            .withNumeric("amount", 120, 20)
            .withAccuracy(0.75)
            .withSeed(2));
  }

  private static DriftTool drift(Database database, TrafficFixture fixture) {
    return new DriftTool(
        new DriftService(database, fixture.registry(), fixture.clock(), fixture.settings()));
  }

  private static AccuracyTool accuracy(Database database, TrafficFixture fixture) {
    return new AccuracyTool(
        new AccuracyService(database, fixture.registry(), fixture.clock(), fixture.settings()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void drift_ofOneFeature_isEvidenceAboutThatFeature(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      seed(database, fixture);

      ToolFinding finding =
          drift(database, fixture)
              .run("fraud", ToolArguments.parse("{\"features\": [\"amount\"]}"));

      assertThat(finding.kind()).isEqualTo(EvidenceKind.FEATURE_DRIFT);
      assertThat(finding.subject()).isEqualTo("amount");
      assertThat(finding.figures()).containsEntry("amount.drifted", 1.0);
      assertThat(finding.figures().get("amount.effect_size")).isGreaterThan(0.3);
      assertThat(finding.finding()).contains("amount");
      assertThat(finding.arguments()).containsExactlyEntriesOf(Map.of("features", "amount"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void drift_ofEveryFeature_isDatasetEvidenceAboutTheMostDrifted(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      seed(database, fixture);

      ToolFinding finding = drift(database, fixture).run("fraud", ToolArguments.parse("{}"));

      assertThat(finding.kind()).isEqualTo(EvidenceKind.DATASET_DRIFT);
      assertThat(finding.subject()).isEqualTo("amount");
      assertThat(finding.figures()).containsEntry("drifted_features", 1.0);
      assertThat(finding.figures()).containsEntry("city.drifted", 0.0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void accuracy_overTheLastDay_givesTheVersionsFigures(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      seed(database, fixture);

      ToolFinding finding =
          accuracy(database, fixture)
              .run("fraud", ToolArguments.parse("{\"time_window\": \"24h\", \"version\": \"v1\"}"));

      assertThat(finding.kind()).isEqualTo(EvidenceKind.ACCURACY);
      assertThat(finding.subject()).isEqualTo("v1");
      assertThat(finding.figures().get("v1.accuracy")).isBetween(0.70, 0.80);
      assertThat(finding.figures().get("v1.records")).isGreaterThanOrEqualTo(DAY_OF_RECORDS);
      assertThat(finding.figures()).containsEntry("slo_target", 0.9);
      assertThat(finding.arguments())
          .containsExactlyInAnyOrderEntriesOf(Map.of("time_window", "24h", "version", "v1"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void badArguments_sayHowToFixTheCall(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      seed(database, fixture);
      AccuracyTool tool = accuracy(database, fixture);

      assertThatThrownBy(() -> tool.run("fraud", ToolArguments.parse("{\"time_window\": \"x\"}")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("24h");
      assertThatThrownBy(() -> tool.run("fraud", ToolArguments.parse("{\"model\": \"other\"}")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown argument 'model'");
      assertThatThrownBy(() -> tool.run("fraud", ToolArguments.parse("{\"version\": \"v9\"}")))
          .isInstanceOf(UnknownModelException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void theModel_callsTheRealDriftTool_andCitesItsEvidence(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database);
        FakeOllama ollama = FakeOllama.start()) {
      seed(database, fixture);
      ollama
          .callTool("detect_data_drift", "{\"features\": [\"amount\"]}")
          .answer(
              """
              {"hypotheses": [{"category": "COVARIATE_DRIFT", "culprit": "amount",
                "confidence": 0.8, "evidence_ids": ["E2"], "explanation": "amount moved."}],
               "ruled_out": [], "summary": "amount drifted."}
              """);
      OllamaReasoner reasoner =
          new OllamaReasoner(
              OllamaSettings.of(ollama.baseUrl(), "qwen2.5:7b-instruct"),
              List.of(accuracy(database, fixture), drift(database, fixture)));

      Reasoning reasoning = reasoner.reason(fraudIncident());

      assertThat(reasoning.diagnosis().decidedBy()).isEqualTo(ReasonerKind.OLLAMA);
      Evidence gathered = reasoning.gathered().get(0);
      assertThat(gathered.id()).isEqualTo("E2");
      assertThat(gathered.subject()).isEqualTo("amount");
      assertThat(gathered.query().arguments())
          .containsExactlyInAnyOrderEntriesOf(Map.of("model", "fraud", "features", "amount"));
      assertThat(ollama.requests().get(0).path("tools")).hasSize(2);
    }
  }

  private static Investigation fraudIncident() {
    Investigation template = Incidents.covariateDrift();
    Incident i = template.incident();
    Incident fraud =
        new Incident(i.id(), "fraud", i.state(), i.trigger(), i.openedAt(), i.updatedAt(), "fraud");
    Evidence accuracy =
        new Evidence(
            "E1",
            EvidenceKind.ACCURACY,
            "v1",
            "accuracy fell to 0.75",
            Map.of("v1.accuracy", 0.75),
            new io.vigil.tools.incident.EvidenceQuery(
                "get_model_accuracy", Map.of("model", "fraud", "time_window", "24h")));
    return new Investigation(fraud, template.window(), List.of(accuracy));
  }
}
