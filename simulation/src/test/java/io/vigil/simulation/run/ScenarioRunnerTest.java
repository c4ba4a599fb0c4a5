package io.vigil.simulation.run;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void healthyRun_opensNoIncidentAndProposesNothing() {
    List<RunEvent> told = new ArrayList<>();

    RunResult result;
    try (Database database = TestStores.h2()) {
      result = runner.run(TestScenarios.healthy(), SEED, database, listener(told));
    }

    result.events().forEach(e -> System.out.println(e.window() + " " + e.kind() + " " + e.text()));
    assertThat(result.incidents()).isEmpty();
    assertThat(result.events()).isEmpty();
    assertThat(result.windows()).hasSize(24);
    assertThat(result.windows().get(12).accuracy()).isPresent();
    assertThat(result.windows().get(12).accuracy().getAsDouble()).isGreaterThan(0.80);
  }

  @Test
  void badVersionRun_isDetectedDiagnosedAndRolledBack() {
    List<RunEvent> told = new ArrayList<>();

    RunResult result;
    try (Database database = TestStores.h2()) {
      result = runner.run(TestScenarios.badVersion(), SEED, database, listener(told));
    }

    result.events().forEach(e -> System.out.println(e.window() + " " + e.kind() + " " + e.text()));
    result.windows().forEach(w -> System.out.println(w));
    assertThat(told).isEqualTo(result.events());
    IncidentRecord first = result.incidents().get(0);
    assertThat(first.top().orElseThrow().category()).isEqualTo(RootCause.BAD_MODEL_VERSION);
    assertThat(first.top().orElseThrow().culprit()).isEqualTo("v2");
    assertThat(first.remediation()).contains(ActionType.ROLLBACK);
    assertThat(first.state()).isEqualTo(IncidentState.RESOLVED);
    assertThat(result.milestones().detectionWindows().getAsInt()).isLessThanOrEqualTo(2);
  }

  private static RunListener listener(List<RunEvent> told) {
    return new RunListener() {
      @Override
      public void event(RunEvent event) {
        told.add(event);
      }
    };
  }
}
