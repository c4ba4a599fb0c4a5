package io.vigil.simulation.score;

import static io.vigil.simulation.score.Timelines.cause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.simulation.fault.Shape;
import io.vigil.simulation.run.RunEventKind;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.SignalKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteResultTest {

  private static Scorecard sudden(int detectedAfter, RootCause diagnosed) {
    return Scorecard.of(
        Timelines.of("bad-version", Timelines.BAD_VERSION)
            .onset(Shape.SUDDEN, 1)
            .window(88)
            .windows(detectedAfter, 40)
            .incident(detectedAfter, ActionType.ROLLBACK, cause(1, diagnosed, "v2"))
            .event(RunEventKind.EXECUTED, detectedAfter)
            .window(90)
            .result(10));
  }

  private static Scorecard gradual(int warnedAt) {
    Timelines timeline = Timelines.of("slow-burn", Timelines.BAD_VERSION).onset(Shape.RAMP, 0);
    for (int w = 0; w < 5; w++) {
      timeline =
          w == warnedAt ? timeline.window(85, SignalKind.DRIFT_ACCELERATION) : timeline.window(85);
    }
    return Scorecard.of(
        timeline
            .window(60)
            .incident(5, ActionType.ROLLBACK, cause(1, RootCause.BAD_MODEL_VERSION, "v2"))
            .result(10));
  }

  private static Scorecard quiet(ActionType remediation) {
    return Scorecard.of(
        Timelines.of("healthy", Timelines.QUIET)
            .windows(3, 88)
            .incident(1, remediation, cause(1, RootCause.NONE, ""))
            .result(3));
  }

  @Test
  void of_runs_summarizesEachScenarioInTheOrderRunAndTotals() {
    List<Scorecard> runs =
        List.of(
            sudden(1, RootCause.BAD_MODEL_VERSION),
            quiet(ActionType.NO_ACTION),
            sudden(3, RootCause.BAD_MODEL_VERSION));

    SuiteResult suite = SuiteResult.of(runs);

    assertThat(suite.rows())
        .extracting(ScenarioRow::scenario)
        .containsExactly("bad-version", "healthy");
    ScenarioRow bad = suite.rows().get(0);
    assertThat(bad.runs()).isEqualTo(2);
    assertThat(bad.top1Share()).isEqualTo(1.0);
    assertThat(bad.culpritShare()).hasValue(1.0);
    assertThat(bad.detected()).isEqualTo(2);
    assertThat(bad.meanDetectionWindows()).hasValue(2.0);
    assertThat(bad.medianDetectionWindows()).hasValue(2.0);
    assertThat(suite.rows().get(1).culpritShare()).isEmpty();
    assertThat(suite.totals().runs()).isEqualTo(3);
    assertThat(suite.totals().actionsProposed()).isEqualTo(2);
  }

  @Test
  void targets_wrongCategorySlowDetectionAndAQuietAction_areMissedTheRestMet() {
    SuiteResult suite =
        SuiteResult.of(
            List.of(
                sudden(1, RootCause.BAD_MODEL_VERSION),
                sudden(3, RootCause.COVARIATE_DRIFT),
                quiet(ActionType.RETRAIN),
                gradual(1)));

    assertThat(suite.targets())
        .extracting(TargetCheck::name, TargetCheck::met)
        .containsExactly(
            tuple("top-1 category", false),
            tuple("culprit", true),
            tuple("actions in quiet runs", false),
            tuple("sudden detection", false),
            tuple("gradual warning lead", true));
    assertThat(suite.targets().get(3).actual()).isEqualTo("1 of 2 runs");
    assertThat(suite.allTargetsMet()).isFalse();
  }

  @Test
  void targets_everyRunRight_areAllMet() {
    SuiteResult suite =
        SuiteResult.of(
            List.of(
                sudden(1, RootCause.BAD_MODEL_VERSION),
                sudden(2, RootCause.BAD_MODEL_VERSION),
                quiet(ActionType.NO_ACTION),
                gradual(0)));

    assertThat(suite.allTargetsMet()).as(suite.targets().toString()).isTrue();
  }

  @Test
  void gradualLead_warningTooLate_isMissed() {
    SuiteResult suite = SuiteResult.of(List.of(gradual(3)));

    assertThat(suite.targets().get(4).met()).isFalse();
    assertThat(suite.targets().get(4).actual()).isEqualTo("0 of 1 runs");
  }

  @Test
  void of_noRuns_isRefused() {
    assertThatThrownBy(() -> SuiteResult.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one run");
  }

  @Test
  void report_textAndJson_showTheTableAndTheTargets() throws Exception {
    SuiteReport report =
        new SuiteReport(
            SuiteResult.of(
                List.of(sudden(1, RootCause.BAD_MODEL_VERSION), quiet(ActionType.NO_ACTION))));

    String text = report.text();
    JsonNode json = new ObjectMapper().readTree(report.json());

    assertThat(text).contains("scenario").contains("bad-version").contains("TOTAL").contains("MET");
    assertThat(json.get("scenarios")).hasSize(2);
    assertThat(json.get("totals").get("top1_share").asDouble()).isEqualTo(1.0);
    assertThat(json.get("targets").get(0).get("met").asBoolean()).isTrue();
    assertThat(json.get("runs").get(0).get("detection_windows").asInt()).isEqualTo(1);
    assertThat(json.get("runs").get(1).get("culprit_correct").isNull()).isTrue();
  }
}
