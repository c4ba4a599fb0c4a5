package io.vigil.simulation.score;

import static io.vigil.simulation.score.Timelines.cause;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulation.fault.Shape;
import io.vigil.simulation.run.RunEventKind;
import io.vigil.simulation.run.RunResult;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.SignalKind;
import org.junit.jupiter.api.Test;

class ScorecardTest {

  /**
   * Onset in window 4, the drift signal after window 5, window 6 below target, the incident after
   * window 6 with the rollback executed then, window 7 still below, window 8 back, resolved after
   * window 9.
   */
  private static RunResult detectedAndRecovered() {
    return Timelines.of("bad-version", Timelines.BAD_VERSION)
        .onset(Shape.SUDDEN, 4)
        .windows(5, 88)
        .window(85, SignalKind.DRIFT)
        .window(40, SignalKind.ACCURACY_SLO)
        .window(79)
        .window(90)
        .window(88)
        .incident(6, ActionType.ROLLBACK, cause(1, RootCause.BAD_MODEL_VERSION, "v2"))
        .event(RunEventKind.EXECUTED, 6)
        .event(RunEventKind.RESOLVED, 9)
        .result(12);
  }

  @Test
  void of_detectedAndRecoveredRun_countsWindowsFromTheMilestones() {
    Scorecard card = Scorecard.of(detectedAndRecovered());

    assertThat(card.detectionWindows()).hasValue(3);
    assertThat(card.breached()).isTrue();
    assertThat(card.warningLeadWindows()).hasValue(1);
    assertThat(card.recoveryWindows()).hasValue(2);
    assertThat(card.top1Correct()).isTrue();
    assertThat(card.top3Correct()).isTrue();
    assertThat(card.culpritCorrect()).contains(true);
    assertThat(card.remediationCorrect()).isTrue();
    assertThat(card.falseIncidents()).isZero();
    assertThat(card.actionsProposed()).isEqualTo(1);
    assertThat(card.shape()).contains(Shape.SUDDEN);
  }

  @Test
  void of_resolvedBeforeAnyWindowIsBackAtTarget_recoversAtTheResolution() {
    RunResult run =
        Timelines.of("bad-version", Timelines.BAD_VERSION)
            .onset(Shape.SUDDEN, 1)
            .window(88)
            .window(40)
            .window(50)
            .window(50, false)
            .incident(1, ActionType.ROLLBACK, cause(1, RootCause.BAD_MODEL_VERSION, "v2"))
            .event(RunEventKind.EXECUTED, 1)
            .event(RunEventKind.RESOLVED, 3)
            .result(4);

    Scorecard card = Scorecard.of(run);

    assertThat(card.detectionWindows()).hasValue(1);
    assertThat(card.recoveryWindows()).hasValue(2);
    assertThat(card.warningLeadWindows())
        .as("warned by the incident in the breached window")
        .hasValue(0);
  }

  @Test
  void of_windowWhoseLabelsHadNotAllArrived_isNeverTheBreach() {
    RunResult run =
        Timelines.of("slow-labels", Timelines.BAD_VERSION)
            .onset(Shape.RAMP, 0)
            .window(85, SignalKind.DRIFT_ACCELERATION)
            .window(85)
            .window(85)
            .window(60, false)
            .result(4);

    Scorecard card = Scorecard.of(run);

    assertThat(card.breached()).isFalse();
    assertThat(card.warningLeadWindows()).isEmpty();
    assertThat(card.detectionWindows()).isEmpty();
    assertThat(card.top1Correct()).isFalse();
    assertThat(card.culpritCorrect()).contains(false);
    assertThat(card.remediationCorrect()).isFalse();
  }

  @Test
  void of_gradualFaultWarnedEarly_leadsByTheWindowsBetween() {
    RunResult run =
        Timelines.of("slow-burn", Timelines.BAD_VERSION)
            .onset(Shape.RAMP, 1)
            .window(88)
            .window(87, SignalKind.DRIFT_ACCELERATION)
            .window(86)
            .window(84)
            .window(82)
            .window(70)
            .result(6);

    Scorecard card = Scorecard.of(run);

    assertThat(card.warningLeadWindows())
        .as("warned after window 1, window 5 breached")
        .hasValue(4);
  }

  @Test
  void of_wrongTopCategory_scoresTopThreeAndCulpritSeparately() {
    RunResult run =
        Timelines.of("bad-version", Timelines.BAD_VERSION)
            .onset(Shape.SUDDEN, 0)
            .window(40)
            .incident(
                0,
                ActionType.RETRAIN,
                cause(1, RootCause.COVARIATE_DRIFT, "amount"),
                cause(2, RootCause.BAD_MODEL_VERSION, "v2"))
            .result(1);

    Scorecard card = Scorecard.of(run);

    assertThat(card.top1Correct()).isFalse();
    assertThat(card.top3Correct()).isTrue();
    assertThat(card.culpritCorrect()).contains(false);
    assertThat(card.remediationCorrect()).isFalse();
    assertThat(card.remediation()).contains(ActionType.RETRAIN);
  }

  @Test
  void of_incidentBeforeTheOnset_isFalseAndNotTheOneScored() {
    RunResult run =
        Timelines.of("bad-version", Timelines.BAD_VERSION)
            .onset(Shape.SUDDEN, 3)
            .windows(5, 85)
            .incident(1, ActionType.NO_ACTION, cause(1, RootCause.NONE, ""))
            .incident(3, ActionType.ROLLBACK, cause(1, RootCause.BAD_MODEL_VERSION, "v2"))
            .result(5);

    Scorecard card = Scorecard.of(run);

    assertThat(card.falseIncidents()).isEqualTo(1);
    assertThat(card.detectionWindows()).hasValue(1);
    assertThat(card.top1Correct()).isTrue();
  }

  @Test
  void of_quietRunWithoutIncidents_isCorrectAndQuiet() {
    RunResult run = Timelines.of("healthy", Timelines.QUIET).windows(4, 88).result(4);

    Scorecard card = Scorecard.of(run);

    assertThat(card.quiet()).isTrue();
    assertThat(card.top1Correct()).isTrue();
    assertThat(card.top3Correct()).isTrue();
    assertThat(card.culpritCorrect()).isEmpty();
    assertThat(card.remediationCorrect()).isTrue();
    assertThat(card.falseIncidents()).isZero();
    assertThat(card.actionsProposed()).isZero();
    assertThat(card.detectionWindows()).isEmpty();
    assertThat(card.shape()).isEmpty();
  }

  @Test
  void of_quietRunWithAnIncidentClosedAsNoise_staysCorrect() {
    RunResult run =
        Timelines.of("healthy", Timelines.QUIET)
            .windows(4, 88)
            .incident(2, ActionType.NO_ACTION, cause(1, RootCause.NONE, ""))
            .result(4);

    Scorecard card = Scorecard.of(run);

    assertThat(card.top1Correct()).isTrue();
    assertThat(card.remediationCorrect()).isTrue();
    assertThat(card.falseIncidents()).isZero();
  }

  @Test
  void of_quietRunWithAnEscalation_isWrongButProposesNoAction() {
    RunResult run =
        Timelines.of("red-herring", Timelines.QUIET)
            .onset(Shape.RAMP, 1)
            .windows(4, 88)
            .incident(2, ActionType.ESCALATE, cause(1, RootCause.DATA_QUALITY, "tenure"))
            .result(4);

    Scorecard card = Scorecard.of(run);

    assertThat(card.falseIncidents()).isZero();
    assertThat(card.actionsProposed()).isZero();
    assertThat(card.remediationCorrect()).isFalse();
    assertThat(card.top1Correct()).isFalse();
  }

  @Test
  void of_quietRunWithARetrainProposed_countsAFalseIncidentAndAnAction() {
    RunResult run =
        Timelines.of("red-herring", Timelines.QUIET)
            .onset(Shape.RAMP, 1)
            .windows(4, 88)
            .incident(2, ActionType.RETRAIN, cause(1, RootCause.COVARIATE_DRIFT, "session_count"))
            .result(4);

    Scorecard card = Scorecard.of(run);

    assertThat(card.falseIncidents()).isEqualTo(1);
    assertThat(card.actionsProposed()).isEqualTo(1);
  }
}
