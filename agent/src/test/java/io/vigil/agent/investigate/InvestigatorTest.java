package io.vigil.agent.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.agent.reason.DeterministicReasoner;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.UnknownModelException;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The investigate node over one seeded store with a concept-drift fault. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvestigatorTest {

  private static final Set<String> TOOLS =
      Set.of(
          "get_model_accuracy",
          "detect_data_drift",
          "compare_model_versions",
          "get_feature_distribution",
          "analyze_segments",
          "get_latency_metrics",
          "query_inference_logs",
          "resources/read");

  private Database database;
  private IncidentWorld world;

  @BeforeAll
  void seed() {
    database = TestStores.h2();
    world = new IncidentWorld(database).write((draft, random) -> draft.accuracy(0.72), 7);
  }

  @AfterAll
  void close() {
    database.close();
  }

  private Investigation investigate(TimeRange window) {
    Trigger trigger = new Trigger(SignalKind.ACCURACY_SLO, window, 0.72, 0.85, "accuracy low");
    Incident incident =
        new Incident(
            "inc-7",
            IncidentWorld.MODEL,
            IncidentState.OPEN,
            trigger,
            window.to(),
            window.to(),
            "t");
    return world.investigator().investigate(incident);
  }

  @Test
  void investigate_statesTheTriggersWindowAndAReferenceOfTheSameLengthBeforeIt() {
    Investigation investigation = investigate(IncidentWorld.FAULT_WINDOW);

    assertThat(investigation.window()).isEqualTo(IncidentWorld.FAULT_WINDOW);
    assertThat(investigation.reference())
        .isEqualTo(
            new TimeRange(IncidentWorld.ONSET.minus(Duration.ofHours(2)), IncidentWorld.ONSET));
  }

  /**
   * Sketch-derived figures (latency quantiles, KS distances from the quantile sketches) may differ
   * in their last digits between two merges, as the KLL sketch's compaction coin is unseeded (see
   * NumericProfile); everything else is the same, in the same order, and so is the diagnosis.
   */
  @Test
  void investigate_sameStoreTwice_givesTheSameEvidenceInTheSameOrder() {
    Investigation first = investigate(IncidentWorld.FAULT_WINDOW);
    Investigation second = investigate(IncidentWorld.FAULT_WINDOW);

    assertThat(second.evidence()).hasSameSizeAs(first.evidence());
    for (int i = 0; i < first.evidence().size(); i++) {
      Evidence a = first.evidence().get(i);
      Evidence b = second.evidence().get(i);
      assertThat(List.of(b.id(), b.kind(), b.subject(), b.query()))
          .isEqualTo(List.of(a.id(), a.kind(), a.subject(), a.query()));
      assertThat(b.figures()).containsOnlyKeys(a.figures().keySet());
      a.figures()
          .forEach(
              (name, value) ->
                  assertThat(b.figure(name))
                      .as("%s %s", a.id(), name)
                      .isCloseTo(value, org.assertj.core.data.Offset.offset(sketchNoise(value))));
      if (!SKETCHED.contains(a.kind())) {
        assertThat(b.finding()).isEqualTo(a.finding());
      }
    }
    assertThat(first.evidence())
        .extracting(Evidence::id)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, first.evidence().size()).mapToObj(i -> "E" + i).toList());
    DeterministicReasoner reasoner = new DeterministicReasoner();
    assertThat(reasoner.diagnose(second).hypotheses())
        .isEqualTo(reasoner.diagnose(first).hypotheses());
  }

  private static final Set<EvidenceKind> SKETCHED =
      Set.of(EvidenceKind.LATENCY_ERRORS, EvidenceKind.FEATURE_DRIFT, EvidenceKind.DATASET_DRIFT);

  /** A KS distance moves by a few thousandths, a quantile by about a percent. */
  private static double sketchNoise(double value) {
    return Math.max(0.01, 0.02 * Math.abs(value));
  }

  @Test
  void everyEvidence_carriesTheToolCallThatReproducesIt_overAWindowTheInvestigationStates() {
    Investigation investigation = investigate(IncidentWorld.FAULT_WINDOW);
    Set<TimeRange> stated =
        Set.of(
            investigation.window(),
            investigation.reference(),
            new TimeRange(investigation.reference().from(), investigation.window().to()));

    assertThat(investigation.evidence())
        .allSatisfy(
            e -> {
              assertThat(TOOLS).contains(e.query().tool());
              if (!e.query().tool().equals("resources/read")) {
                assertThat(e.query().arguments()).containsEntry("model", IncidentWorld.MODEL);
                TimeWindow window = TimeWindow.parse(e.query().arguments().get("time_window"));
                assertThat(stated).contains(window.resolve(Instant.EPOCH, Instant.EPOCH));
              }
            });
  }

  @Test
  void investigate_gathersEveryKindOfEvidence_withinItsBounds() {
    List<Evidence> evidence = investigate(IncidentWorld.FAULT_WINDOW).evidence();

    assertThat(evidence)
        .extracting(Evidence::kind)
        .contains(
            EvidenceKind.ACCURACY,
            EvidenceKind.DATASET_DRIFT,
            EvidenceKind.FEATURE_DRIFT,
            EvidenceKind.DEPLOYMENTS,
            EvidenceKind.DATA_QUALITY,
            EvidenceKind.SEGMENTS,
            EvidenceKind.LATENCY_ERRORS,
            EvidenceKind.LOG_PATTERNS,
            EvidenceKind.CLASS_BALANCE);
    assertThat(count(evidence, EvidenceKind.FEATURE_DRIFT)).isLessThanOrEqualTo(5);
    assertThat(count(evidence, EvidenceKind.DATA_QUALITY)).isLessThanOrEqualTo(8);
    assertThat(count(evidence, EvidenceKind.SEGMENTS)).isLessThanOrEqualTo(2);
    assertThat(count(evidence, EvidenceKind.LOG_PATTERNS)).isLessThanOrEqualTo(3);
  }

  @Test
  void investigate_accuracyAroundTheOnset_statesBothWindowsFigures() {
    Evidence accuracy = investigate(IncidentWorld.FAULT_WINDOW).evidence().get(0);

    assertThat(accuracy.kind()).isEqualTo(EvidenceKind.ACCURACY);
    assertThat(accuracy.figure(Figures.ACCURACY)).isBetween(0.66, 0.78);
    assertThat(accuracy.figure(Figures.REFERENCE_ACCURACY)).isBetween(0.86, 0.94);
    assertThat(accuracy.figure(Figures.LABELED)).isEqualTo(720);
    assertThat(accuracy.figure(Figures.P_VALUE)).isLessThan(1e-6);
  }

  @Test
  void investigate_unalignedTrigger_alignsBothWindowsToWholeProfileWindows() {
    TimeRange unaligned =
        new TimeRange(
            IncidentWorld.ONSET.plus(Duration.ofMinutes(2)),
            IncidentWorld.END.minus(Duration.ofMinutes(3)));

    Investigation investigation = investigate(unaligned);

    assertThat(investigation.window()).isEqualTo(IncidentWorld.FAULT_WINDOW);
    assertThat(investigation.reference().to()).isEqualTo(IncidentWorld.ONSET);
    assertThat(investigation.evidence()).isNotEmpty();
  }

  @Test
  void investigate_unknownModel_isRefusedNamingTheKnownOnes() {
    Trigger trigger =
        new Trigger(SignalKind.ON_DEMAND, IncidentWorld.FAULT_WINDOW, 0, Double.NaN, "asked");
    Incident incident =
        new Incident(
            "inc-8",
            "fraud",
            IncidentState.OPEN,
            trigger,
            IncidentWorld.END,
            IncidentWorld.END,
            "t");

    assertThatThrownBy(() -> world.investigator().investigate(incident))
        .isInstanceOf(UnknownModelException.class)
        .hasMessageContaining(IncidentWorld.MODEL);
  }

  @Test
  void investigate_windowStartingAfterNow_isRefused() {
    Instant later = world.clock().instant().plus(Duration.ofHours(1));

    assertThatThrownBy(() -> investigate(new TimeRange(later, later.plus(Duration.ofHours(1)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after now");
  }

  private static long count(List<Evidence> evidence, EvidenceKind kind) {
    return evidence.stream().filter(e -> e.kind() == kind).count();
  }
}
