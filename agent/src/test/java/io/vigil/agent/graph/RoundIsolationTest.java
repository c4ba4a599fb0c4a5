package io.vigil.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import io.vigil.tools.testing.TrafficFixture;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * One incident whose node fails every time (here: one verifying with nothing executed) must not
 * stop the agent's rounds from advancing the others, or a single bad record would freeze every
 * incident after it for good.
 */
class RoundIsolationTest {

  @Test
  void incidentThatFailsEveryRound_doesNotStarveTheOthers() {
    try (Database database = TestStores.h2();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Incident broken = DiagnosedRelease.diagnosed(traffic, fixture.incidents);
      fixture.incidents.transition(
          broken.id(),
          IncidentState.DIAGNOSED,
          IncidentState.VERIFYING,
          TimelineEventType.EXECUTED,
          "mallory",
          "claims an execution that never happened");
      traffic.classifier("churn", OptionalDouble.of(0.8), "v1");
      Incident healthy = NothingWrong.diagnosed(fixture, traffic, "churn");

      AgentRound round = fixture.agent.round();

      assertThat(fixture.incidents.require(healthy.id()).state()).isEqualTo(IncidentState.RESOLVED);
      assertThat(fixture.incidents.require(broken.id()).state()).isEqualTo(IncidentState.VERIFYING);
      assertThat(round.advanced())
          .extracting(Incident::id)
          .containsExactly(broken.id(), healthy.id());
    }
  }
}
