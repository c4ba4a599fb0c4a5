package io.vigil.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.agent.approve.Approver;
import io.vigil.tools.access.Role;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole loop on a seeded store: a bad version is deployed, the monitor opens an incident, the
 * agent diagnoses it and proposes a rollback, a person approves it, the router executes it, and
 * verification resolves the incident once the rolled-back version's labelled traffic is back above
 * the SLO.
 */
class IncidentLoopTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration EVERY_10_SECONDS = Duration.ofSeconds(10);
  private static final Approver ALICE = new Approver("alice", Role.APPROVE);

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void badVersion_isDiagnosedRolledBackAfterApprovalAndVerified(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      traffic.classifier("fraud", OptionalDouble.of(0.85), "v1", "v2");
      traffic.write(
          Traffic.of("fraud", "v1", START, 6 * 360)
              .withSpacing(EVERY_10_SECONDS)
              .withAccuracy(0.93));
      Instant release = START.plus(Duration.ofHours(6));
      traffic.registry().deploy("fraud", Map.of("v2", 1.0), release, "ci", "release v2");
      traffic.write(
          Traffic.of("fraud", "v2", release, 2 * 360)
              .withSpacing(EVERY_10_SECONDS)
              .withAccuracy(0.6)
              .withSeed(2));
      AgentFixture fixture = new AgentFixture(database, traffic);

      AgentRound first = fixture.agent.round();

      assertThat(first.advanced()).hasSize(1);
      Incident waiting = first.advanced().get(0);
      assertThat(waiting.trigger().signal()).isEqualTo(SignalKind.ACCURACY_SLO);
      assertThat(waiting.state()).isEqualTo(IncidentState.AWAITING_APPROVAL);
      Diagnosis diagnosis = fixture.incidents.diagnosis(waiting.id()).orElseThrow();
      assertThat(diagnosis.top().category()).isEqualTo(RootCause.BAD_MODEL_VERSION);
      assertThat(diagnosis.top().culprit()).isEqualTo("v2");
      Proposal proposal = fixture.incidents.currentProposal(waiting.id()).orElseThrow();
      assertThat(proposal.action().type()).isEqualTo(ActionType.ROLLBACK);
      assertThat(proposal.action().arguments()).containsEntry("version", "v1");
      assertThat(fixture.announced)
          .containsExactly("OPENED " + waiting.id(), "APPROVAL_NEEDED " + waiting.id());

      fixture.approvals.approve(proposal.id(), proposal.action().hash(), ALICE, "go");
      Incident executed = fixture.agent.advance(waiting.id(), GraphProgress.NONE);

      assertThat(executed.state()).isEqualTo(IncidentState.VERIFYING);
      assertThat(traffic.registry().snapshot().activeVersion("fraud")).contains("v1");

      Instant afterRollback = traffic.clock().instant();
      traffic.write(
          Traffic.of("fraud", "v1", afterRollback, 360)
              .withSpacing(EVERY_10_SECONDS)
              .withAccuracy(0.93)
              .withSeed(3));
      Incident verified = fixture.agent.advance(waiting.id(), GraphProgress.NONE);

      assertThat(verified.state()).isEqualTo(IncidentState.RESOLVED);
      assertThat(fixture.incidents.timeline(waiting.id()))
          .extracting(event -> event.type())
          .containsSubsequence(
              TimelineEventType.OPENED,
              TimelineEventType.EVIDENCE_GATHERED,
              TimelineEventType.DIAGNOSED,
              TimelineEventType.PROPOSED,
              TimelineEventType.APPROVED,
              TimelineEventType.EXECUTION_STARTED,
              TimelineEventType.EXECUTED,
              TimelineEventType.VERIFICATION);
      assertThat(fixture.announced).last().isEqualTo("RESOLVED " + waiting.id());
    }
  }
}
