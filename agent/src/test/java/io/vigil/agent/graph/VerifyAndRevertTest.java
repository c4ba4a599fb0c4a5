package io.vigil.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.agent.approve.Approver;
import io.vigil.agent.execute.RouterExecutor;
import io.vigil.agent.verify.VerifyPolicy;
import io.vigil.tools.access.Role;
import io.vigil.tools.incident.Execution;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.TimelineEvent;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.incident.Verification;
import io.vigil.tools.incident.VerificationOutcome;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verification after the rollback of the bad release: if accuracy stays below the SLO the router
 * puts back the split that served before the action and the incident goes to a person; while
 * evidence is short it waits, and past the deadline it counts as not recovered.
 */
class VerifyAndRevertTest {

  private static final Approver ALICE = new Approver("alice", Role.APPROVE);

  private Database database;
  private TrafficFixture traffic;
  private AgentFixture fixture;

  @BeforeEach
  void open() {
    database = TestStores.h2();
    traffic = TrafficFixture.open(database);
    BadRelease.seed(traffic);
    fixture = new AgentFixture(database, traffic);
  }

  @AfterEach
  void close() {
    traffic.close();
    database.close();
  }

  @Test
  void trafficStillBadAfterTheRollback_revertsToTheSplitBeforeAndEscalates() {
    RolledBack rollback = rolledBack();

    BadRelease.serve(traffic, "v1", 0.6, 3);
    Incident after = fixture.agent.advance(rollback.incidentId(), GraphProgress.NONE);

    assertThat(after.state()).isEqualTo(IncidentState.ESCALATED);
    assertThat(fixture.incidents.verifications(after.id()))
        .last()
        .extracting(Verification::outcome)
        .isEqualTo(VerificationOutcome.NOT_RECOVERED);
    assertRevertedToV2(after, rollback);
  }

  /** Only the first pending look is recorded (right after the action, with no records yet). */
  @Test
  void tooFewLabels_waitsPending_thenCountsAsNotRecoveredAtTheDeadline() {
    RolledBack rollback = rolledBack();
    traffic.write(
        Traffic.of(BadRelease.MODEL, "v1", traffic.clock().instant(), 60)
            .withSpacing(BadRelease.SPACING)
            .withLabels(0, Optional.empty())
            .withSeed(4));

    Incident waiting = fixture.agent.advance(rollback.incidentId(), GraphProgress.NONE);
    Incident stillWaiting = fixture.agent.advance(rollback.incidentId(), GraphProgress.NONE);
    traffic.setClock(rollback.execution().finishedAt().plus(VerifyPolicy.defaults().deadline()));
    Incident after = fixture.agent.advance(rollback.incidentId(), GraphProgress.NONE);

    assertThat(waiting.state()).isEqualTo(IncidentState.VERIFYING);
    assertThat(stillWaiting.state()).isEqualTo(IncidentState.VERIFYING);
    assertThat(after.state()).isEqualTo(IncidentState.ESCALATED);
    List<Verification> looks = fixture.incidents.verifications(after.id());
    assertThat(looks)
        .extracting(Verification::outcome)
        .containsExactly(VerificationOutcome.PENDING, VerificationOutcome.NOT_RECOVERED);
    assertThat(looks.get(0).detail()).startsWith("no records since the action finished");
    assertThat(looks.get(1).detail())
        .isEqualTo(
            "not enough evidence within PT24H of the action: 0 labelled predictions since the"
                + " action; 100 are needed");
    assertRevertedToV2(after, rollback);
  }

  /** The incident after its rollback, and the rollback's execution. */
  private record RolledBack(String incidentId, Execution execution) {}

  /**
   * Runs the agent to the rollback proposal, approves it and executes it; the incident is
   * VERIFYING, with v1 serving.
   */
  private RolledBack rolledBack() {
    Incident waiting = fixture.agent.round().advanced().get(0);
    Proposal proposal = fixture.incidents.currentProposal(waiting.id()).orElseThrow();
    fixture.approvals.approve(proposal.id(), proposal.action().hash(), ALICE, "go");
    Incident verifying = fixture.agent.advance(waiting.id(), GraphProgress.NONE);
    assertThat(verifying.state()).isEqualTo(IncidentState.VERIFYING);
    assertThat(latest().traffic()).isEqualTo(Map.of("v1", 1.0));
    return new RolledBack(waiting.id(), fixture.incidents.executions(waiting.id()).get(0));
  }

  private void assertRevertedToV2(Incident incident, RolledBack rollback) {
    Deployment revert = latest();
    assertThat(revert.traffic()).isEqualTo(Map.of("v2", 1.0));
    assertThat(revert.reason())
        .endsWith(RouterExecutor.marker("revert:" + rollback.execution().idempotencyKey()));
    List<TimelineEvent> timeline = fixture.incidents.timeline(incident.id());
    assertThat(timeline)
        .extracting(TimelineEvent::type)
        .endsWith(
            TimelineEventType.REVERTED,
            TimelineEventType.VERIFICATION,
            TimelineEventType.ESCALATED);
    assertThat(timeline)
        .filteredOn(event -> event.type() == TimelineEventType.REVERTED)
        .singleElement()
        .extracting(TimelineEvent::detail)
        .asString()
        .startsWith("reverted to v2=1.0");
    assertThat(fixture.announced).last().isEqualTo("ESCALATED " + incident.id());
  }

  private Deployment latest() {
    return BadRelease.deployments(database, traffic).stream()
        .max(Comparator.comparing(Deployment::effectiveAt).thenComparing(Deployment::id))
        .orElseThrow();
  }
}
