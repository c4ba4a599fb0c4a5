package io.vigil.simulation.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulation.score.Scorecard;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

  private static final long SEED = 42;

  private final ScenarioRunner runner =
      new ScenarioRunner(TestScenarios.BAD_VERSIONS_ONLY, TestScenarios.SETTINGS);

  /**
   * Nothing is proposed or escalated in a healthy world. The monitor does open incidents on its
   * drift-acceleration signal at this traffic (100 requests a window), which the reasoner diagnoses
   * as noise and closes without action; see the report to the lead.
   */
  @Test
  void healthyRun_proposesNothingAndClosesWhatItOpensAsNoise() {
    RunResult result;
    try (Database database = TestStores.h2()) {
      result = runner.run(TestScenarios.healthy(), SEED, database, RunListener.NONE);
    }

    assertThat(result.windows()).hasSize(24);
    assertThat(result.windows().get(12).accuracy().getAsDouble()).isGreaterThan(0.80);
    assertThat(result.events()).extracting(RunEvent::kind).doesNotContain(RunEventKind.PROPOSED);
    assertThat(result.incidents())
        .allSatisfy(
            incident -> {
              assertThat(incident.top().orElseThrow().category()).isEqualTo(RootCause.NONE);
              assertThat(incident.remediation()).contains(ActionType.NO_ACTION);
              assertThat(incident.state()).isEqualTo(IncidentState.RESOLVED);
            });
    Scorecard card = Scorecard.of(result);
    assertThat(card.actionsProposed()).isZero();
    assertThat(card.falseIncidents()).isZero();
    assertThat(card.top1Correct()).isTrue();
  }

  @Test
  void badVersionRun_isDetectedDiagnosedRolledBackAndScoredCorrect() {
    List<RunEvent> told = new ArrayList<>();
    List<RunProgress> steps = new ArrayList<>();

    RunResult result;
    try (Database database = TestStores.h2()) {
      result = runner.run(TestScenarios.badVersion(), SEED, database, listener(told, steps));
    }

    assertThat(told).isEqualTo(result.events());
    assertThat(steps).first().extracting(RunProgress::step).isEqualTo(RunStep.TRAINING);
    assertThat(steps).last().extracting(RunProgress::step).isEqualTo(RunStep.FINISHED);
    assertThat(result.events())
        .extracting(RunEvent::kind)
        .containsSubsequence(
            RunEventKind.ONSET,
            RunEventKind.INCIDENT_OPENED,
            RunEventKind.DIAGNOSED,
            RunEventKind.PROPOSED,
            RunEventKind.APPROVED,
            RunEventKind.EXECUTED,
            RunEventKind.RESOLVED);
    assertThat(result.events())
        .filteredOn(event -> event.kind() == RunEventKind.APPROVED)
        .first()
        .satisfies(
            approved ->
                assertThat(approved.text())
                    .contains("simulation-auto-approver")
                    .contains("unattended"));
    IncidentRecord scored =
        result.incidents().stream().filter(i -> i.window() >= 6).findFirst().orElseThrow();
    assertThat(scored.proposals()).containsExactly(ActionType.ROLLBACK);
    Scorecard card = Scorecard.of(result);
    assertThat(card.top1Correct()).isTrue();
    assertThat(card.top3Correct()).isTrue();
    assertThat(card.culpritCorrect()).contains(true);
    assertThat(card.remediationCorrect()).isTrue();
    assertThat(card.detectionWindows().getAsInt()).isLessThanOrEqualTo(2);
    assertThat(card.recoveryWindows()).isPresent();
  }

  @Test
  void noApprover_leavesTheRollbackWaiting() {
    ScenarioRunner unattended =
        new ScenarioRunner(
            TestScenarios.BAD_VERSIONS_ONLY,
            TestScenarios.SETTINGS.withApprovals(ApproverPolicy.NONE));

    RunResult result = unattended.run(TestScenarios.badVersion(), SEED, RunListener.NONE);

    assertThat(result.events())
        .extracting(RunEvent::kind)
        .contains(RunEventKind.PROPOSED)
        .doesNotContain(RunEventKind.APPROVED, RunEventKind.EXECUTED);
    assertThat(Scorecard.of(result).recoveryWindows()).isEmpty();
    assertThat(result.incidents())
        .anySatisfy(i -> assertThat(i.state()).isEqualTo(IncidentState.AWAITING_APPROVAL));
  }

  private static RunListener listener(List<RunEvent> told, List<RunProgress> steps) {
    return new RunListener() {
      @Override
      public void progress(RunProgress progress) {
        steps.add(progress);
      }

      @Override
      public void event(RunEvent event) {
        told.add(event);
      }
    };
  }
}
