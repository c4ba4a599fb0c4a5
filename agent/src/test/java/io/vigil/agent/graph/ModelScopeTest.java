package io.vigil.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.agent.monitor.MonitorOutcome;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import io.vigil.tools.testing.TrafficFixture;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The server's agent leaves a simulation's models to the simulation: its rounds neither check them
 * nor advance their incidents, which the simulation's own agent (every model in scope) does on the
 * simulation's clock.
 */
class ModelScopeTest {

  @Test
  void exceptSimulated_skipsASimulatedModelAndItsIncidents_everyModelDoesNot() {
    try (Database database = TestStores.h2();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      traffic.classifier("churn", OptionalDouble.of(0.8), "v1");
      traffic
          .registry()
          .createModel(
              "credit-sim",
              ModelTask.CLASSIFICATION,
              "served by a simulation",
              Map.of(Model.SIMULATION, "credit"),
              OptionalDouble.of(0.8));
      Incident real = NothingWrong.diagnosed(fixture, traffic, "churn");
      Incident simulated = NothingWrong.diagnosed(fixture, traffic, "credit-sim");

      AgentRound server = new IncidentAgent(fixture.parts, ModelScope.EXCEPT_SIMULATED).round();

      assertThat(server.checked()).extracting(MonitorOutcome::model).containsExactly("churn");
      assertThat(server.advanced()).extracting(Incident::id).containsExactly(real.id());
      assertThat(fixture.incidents.require(real.id()).state()).isEqualTo(IncidentState.RESOLVED);
      assertThat(fixture.incidents.require(simulated.id()).state())
          .isEqualTo(IncidentState.DIAGNOSED);

      AgentRound simulation = new IncidentAgent(fixture.parts, ModelScope.EVERY_MODEL).round();

      assertThat(simulation.checked())
          .extracting(MonitorOutcome::model)
          .containsExactlyInAnyOrder("churn", "credit-sim");
      assertThat(fixture.incidents.require(simulated.id()).state())
          .isEqualTo(IncidentState.RESOLVED);
    }
  }
}
