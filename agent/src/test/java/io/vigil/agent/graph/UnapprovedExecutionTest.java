package io.vigil.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.agent.approve.Approver;
import io.vigil.tools.access.Role;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Approval;
import io.vigil.tools.incident.Decision;
import io.vigil.tools.incident.ExecutionRefusedException;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.ProposalStatus;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.incident.TimelineEvent;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TrafficFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing executes without an approval that authorises the exact action now: an incident forced
 * into REMEDIATING without one, an approval for other arguments, a proposal whose action changed
 * after it was approved, and an approval past its validity all leave serving untouched (the router
 * deploys nothing) and escalate the incident with the reason in its timeline. A rejected or expired
 * proposal escalates without executing anything either.
 */
class UnapprovedExecutionTest {

  private static final Approver ALICE = new Approver("alice", Role.APPROVE);

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void approvedInTime_executesTheRollbackOnce(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal proposal = awaitingApproval(fixture, traffic);

      fixture.approvals.approve(proposal.id(), proposal.action().hash(), ALICE, "go");
      Incident executed = fixture.agent.advance(proposal.incidentId(), GraphProgress.NONE);

      assertThat(executed.state()).isEqualTo(IncidentState.VERIFYING);
      assertThat(BadRelease.keyedDeployments(database, traffic))
          .singleElement()
          .satisfies(d -> assertThat(d.traffic()).isEqualTo(Map.of("v1", 1.0)));
      assertThat(fixture.incidents.executions(proposal.incidentId())).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void forcedIntoRemediatingWithoutApproval_executesNothingAndEscalates(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal proposal = awaitingApproval(fixture, traffic);
      List<Deployment> before = BadRelease.deployments(database, traffic);

      forceRemediating(fixture, proposal);
      Incident after = fixture.agent.advance(proposal.incidentId(), GraphProgress.NONE);

      assertNothingExecuted(fixture, database, traffic, before, after);
      assertThat(refusalEvent(fixture, after)).contains(proposal.id() + " has no approval");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void approvalForOtherArguments_isNotRecorded_andForcedExecutionRunsNothing(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal proposal = awaitingApproval(fixture, traffic);
      List<Deployment> before = BadRelease.deployments(database, traffic);
      String otherHash =
          new RemediationAction(
                  ActionType.ROLLBACK, DiagnosedRelease.MODEL, Map.of("version", "v3"))
              .hash();
      Instant now = traffic.clock().instant();
      Approval forOther =
          new Approval(
              proposal.id(),
              otherHash,
              Decision.APPROVED,
              "alice",
              now,
              now.plus(Duration.ofHours(1)),
              "");

      assertThatThrownBy(
              () -> fixture.incidents.recordDecision(forOther, IncidentState.REMEDIATING))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(otherHash);
      assertThat(fixture.incidents.require(proposal.incidentId()).state())
          .isEqualTo(IncidentState.AWAITING_APPROVAL);
      assertThat(fixture.incidents.proposal(proposal.id()).orElseThrow().status())
          .isEqualTo(ProposalStatus.PENDING_APPROVAL);
      assertThat(fixture.incidents.approvals(proposal.id())).isEmpty();

      forceRemediating(fixture, proposal);
      Incident after = fixture.agent.advance(proposal.incidentId(), GraphProgress.NONE);

      assertNothingExecuted(fixture, database, traffic, before, after);
      assertThat(refusalEvent(fixture, after)).contains(proposal.id() + " has no approval");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void proposalChangedAfterApproval_executesNothingAndEscalates(
      String store, Supplier<Database> open) throws SQLException {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal proposal = awaitingApproval(fixture, traffic);
      fixture.approvals.approve(proposal.id(), proposal.action().hash(), ALICE, "roll back to v1");
      List<Deployment> before = BadRelease.deployments(database, traffic);

      rewriteArguments(database, proposal, "{\"version\":\"v3\"}");
      Incident after = fixture.agent.advance(proposal.incidentId(), GraphProgress.NONE);

      assertNothingExecuted(fixture, database, traffic, before, after);
      assertThat(refusalEvent(fixture, after))
          .contains("the approval of " + proposal.id() + " was given for a different action");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void approvalPastItsValidity_executesNothingAndEscalates(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal proposal = awaitingApproval(fixture, traffic);
      Approval approval =
          fixture.approvals.approve(proposal.id(), proposal.action().hash(), ALICE, "go");
      List<Deployment> before = BadRelease.deployments(database, traffic);

      traffic.setClock(approval.validUntil());
      Incident after = fixture.agent.advance(proposal.incidentId(), GraphProgress.NONE);

      assertNothingExecuted(fixture, database, traffic, before, after);
      assertThat(refusalEvent(fixture, after))
          .contains("the approval of " + proposal.id() + " lapsed at " + approval.validUntil());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void storeRefusesToStartAnExecutionNoApprovalAuthorises(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal proposal = awaitingApproval(fixture, traffic);
      forceRemediating(fixture, proposal);

      assertThatThrownBy(() -> fixture.incidents.startExecution(proposal, "router"))
          .isInstanceOf(ExecutionRefusedException.class)
          .hasMessageContaining("not APPROVED");

      assertThat(fixture.incidents.executions(proposal.incidentId())).isEmpty();
      assertThat(fixture.incidents.timeline(proposal.incidentId()))
          .extracting(TimelineEvent::type)
          .doesNotContain(TimelineEventType.EXECUTION_STARTED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void rejectedProposal_escalatesAndExecutesNothing(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal proposal = awaitingApproval(fixture, traffic);
      List<Deployment> before = BadRelease.deployments(database, traffic);

      fixture.approvals.reject(proposal.id(), proposal.action().hash(), ALICE, "not at night");
      Incident after = fixture.agent.advance(proposal.incidentId(), GraphProgress.NONE);

      assertThat(after.state()).isEqualTo(IncidentState.ESCALATED);
      assertThat(fixture.incidents.proposal(proposal.id()).orElseThrow().status())
          .isEqualTo(ProposalStatus.REJECTED);
      assertThat(BadRelease.deployments(database, traffic)).isEqualTo(before);
      assertThat(fixture.incidents.executions(after.id())).isEmpty();
      assertThat(fixture.incidents.timeline(after.id()))
          .extracting(TimelineEvent::type)
          .endsWith(TimelineEventType.REJECTED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void proposalNobodyDecidedInTime_expiresAndEscalates(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal proposal = awaitingApproval(fixture, traffic);
      List<Deployment> before = BadRelease.deployments(database, traffic);

      traffic.setClock(proposal.expiresAt().minusSeconds(1));
      Incident waiting = fixture.agent.advance(proposal.incidentId(), GraphProgress.NONE);
      traffic.setClock(proposal.expiresAt());
      Incident after = fixture.agent.advance(proposal.incidentId(), GraphProgress.NONE);

      assertThat(waiting.state()).isEqualTo(IncidentState.AWAITING_APPROVAL);
      assertThat(after.state()).isEqualTo(IncidentState.ESCALATED);
      assertThat(fixture.incidents.proposal(proposal.id()).orElseThrow().status())
          .isEqualTo(ProposalStatus.EXPIRED);
      assertThat(BadRelease.deployments(database, traffic)).isEqualTo(before);
      assertThat(fixture.incidents.executions(after.id())).isEmpty();
      assertThat(fixture.incidents.timeline(after.id()))
          .extracting(TimelineEvent::type)
          .endsWith(TimelineEventType.EXPIRED, TimelineEventType.ESCALATED);
      assertThat(fixture.announced).last().isEqualTo("ESCALATED " + after.id());
    }
  }

  /** Advances the diagnosed release to its rollback proposal. */
  private static Proposal awaitingApproval(AgentFixture fixture, TrafficFixture traffic) {
    Incident diagnosed = DiagnosedRelease.diagnosed(traffic, fixture.incidents);
    Incident waiting = fixture.agent.advance(diagnosed.id(), GraphProgress.NONE);
    assertThat(waiting.state()).isEqualTo(IncidentState.AWAITING_APPROVAL);
    Proposal proposal = fixture.incidents.currentProposal(waiting.id()).orElseThrow();
    assertThat(proposal.action().arguments()).isEqualTo(Map.of("version", "v1"));
    return proposal;
  }

  private static void forceRemediating(AgentFixture fixture, Proposal proposal) {
    fixture.incidents.transition(
        proposal.incidentId(),
        IncidentState.AWAITING_APPROVAL,
        IncidentState.REMEDIATING,
        TimelineEventType.APPROVED,
        "mallory",
        "forced without an approval");
  }

  /** Changes the stored action behind the store's back, keeping the hash it was approved under. */
  private static void rewriteArguments(Database database, Proposal proposal, String arguments)
      throws SQLException {
    try (Connection connection = database.connection();
        PreparedStatement update =
            connection.prepareStatement("UPDATE proposal SET action_arguments = ? WHERE id = ?")) {
      update.setString(1, arguments);
      update.setLong(2, Long.parseLong(proposal.id().substring("prop-".length())));
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  private static void assertNothingExecuted(
      AgentFixture fixture,
      Database database,
      TrafficFixture traffic,
      List<Deployment> before,
      Incident after) {
    assertThat(after.state()).isEqualTo(IncidentState.ESCALATED);
    assertThat(BadRelease.deployments(database, traffic)).isEqualTo(before);
    assertThat(BadRelease.keyedDeployments(database, traffic)).isEmpty();
    assertThat(fixture.incidents.executions(after.id())).isEmpty();
    assertThat(fixture.announced).contains("ESCALATED " + after.id());
  }

  /** The timeline entry that says why the incident was escalated instead of executed. */
  private static String refusalEvent(AgentFixture fixture, Incident incident) {
    List<TimelineEvent> timeline = fixture.incidents.timeline(incident.id());
    TimelineEvent last = timeline.get(timeline.size() - 1);
    assertThat(last.type()).isEqualTo(TimelineEventType.EXECUTION_FAILED);
    assertThat(last.actor()).isEqualTo(IncidentAgent.ACTOR);
    assertThat(last.detail()).startsWith("nothing was executed: ");
    return last.detail();
  }
}
