package io.vigil.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.agent.act.AntiThrash;
import io.vigil.agent.execute.RouterExecutor;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.TimelineEvent;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import io.vigil.tools.testing.TrafficFixture;
import org.junit.jupiter.api.Test;

/**
 * The act node goes to a person instead of proposing an action the anti-thrash limits refuse: a
 * rollback to the version the agent itself just moved away from is escalated, while the same
 * rollback after a person's release is proposed.
 */
class ActLimitsTest {

  @Test
  void rollbackUndoingTheAgentsOwnMove_isEscalatedNotProposed() {
    try (Database database = TestStores.h2();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      assertThat(RouterExecutor.ACTOR).startsWith(AntiThrash.AGENT_ACTOR_PREFIX);
      Incident diagnosed =
          DiagnosedRelease.diagnosed(traffic, fixture.incidents, RouterExecutor.ACTOR);

      Incident after = fixture.agent.advance(diagnosed.id(), GraphProgress.NONE);

      assertThat(after.state()).isEqualTo(IncidentState.ESCALATED);
      assertThat(fixture.incidents.proposals(after.id())).isEmpty();
      assertThat(fixture.incidents.timeline(after.id()))
          .last()
          .satisfies(
              event -> {
                assertThat(event.type()).isEqualTo(TimelineEventType.ESCALATED);
                assertThat(event.detail())
                    .startsWith("would propose rollback, but rolling back to v1 would undo");
              });
      assertThat(fixture.announced).containsExactly("ESCALATED " + after.id());
    }
  }

  @Test
  void sameRollbackAfterAPersonsRelease_isProposed() {
    try (Database database = TestStores.h2();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Incident diagnosed = DiagnosedRelease.diagnosed(traffic, fixture.incidents, "alice");

      Incident after = fixture.agent.advance(diagnosed.id(), GraphProgress.NONE);

      assertThat(after.state()).isEqualTo(IncidentState.AWAITING_APPROVAL);
      assertThat(fixture.incidents.timeline(after.id()))
          .extracting(TimelineEvent::type)
          .last()
          .isEqualTo(TimelineEventType.PROPOSED);
    }
  }
}
