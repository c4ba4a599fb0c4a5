package io.vigil.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vigil.agent.act.ProposalService;
import io.vigil.agent.approve.ApprovalRefusedException;
import io.vigil.agent.approve.Approver;
import io.vigil.agent.approve.RefusalReason;
import io.vigil.tools.access.Role;
import io.vigil.tools.audit.AuditEntry;
import io.vigil.tools.audit.AuditLog;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Approval;
import io.vigil.tools.incident.Execution;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.ProposalStatus;
import io.vigil.tools.incident.TimelineEvent;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.registry.Deployment;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TrafficFixture;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The approval service refuses a decision from a credential without the approve permission, from
 * the proposer, for an action hash that is not the proposal's, on an expired proposal, or on one no
 * longer pending. Each refusal throws with its reason, is recorded in the incident's timeline and
 * the audit log, and changes nothing else (an expired proposal is expired and its incident
 * escalated, as the agent would have done).
 */
class ApprovalRefusalTest {

  private static final Approver ALICE = new Approver("alice", Role.APPROVE);

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void readAndIngestTokens_cannotApproveOrReject(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal proposal = awaitingApproval(fixture, traffic);
      String hash = proposal.action().hash();

      for (Role role : List.of(Role.READ, Role.INGEST)) {
        Approver token = new Approver("token-" + role.label(), role);
        assertRefused(
            fixture,
            proposal,
            token,
            RefusalReason.NOT_AN_APPROVER,
            () -> fixture.approvals.approve(proposal.id(), hash, token, "let me"));
        assertRefused(
            fixture,
            proposal,
            token,
            RefusalReason.NOT_AN_APPROVER,
            () -> fixture.approvals.reject(proposal.id(), hash, token, "let me"));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void proposer_cannotApproveTheirOwnProposal(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal agents = awaitingApproval(fixture, traffic);
      Approver agentAsAdmin = new Approver(IncidentAgent.ACTOR, Role.ADMIN);
      assertRefused(
          fixture,
          agents,
          agentAsAdmin,
          RefusalReason.OWN_PROPOSAL,
          () -> fixture.approvals.approve(agents.id(), agents.action().hash(), agentAsAdmin, ""));
      Proposal bobs =
          proposals(fixture)
              .propose(
                  agents.incidentId(),
                  ActionType.ROLLBACK,
                  Optional.of("v1"),
                  "v2 is the culprit",
                  "bob");
      Approver bob = new Approver("bob", Role.APPROVE);

      assertRefused(
          fixture,
          bobs,
          bob,
          RefusalReason.OWN_PROPOSAL,
          () -> fixture.approvals.approve(bobs.id(), bobs.action().hash(), bob, "mine, fine"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void hashOfAnotherAction_isRefusedAsChanged(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal proposal = awaitingApproval(fixture, traffic);
      String stale = "0".repeat(64);

      assertRefused(
          fixture,
          proposal,
          ALICE,
          RefusalReason.ACTION_CHANGED,
          () -> fixture.approvals.approve(proposal.id(), stale, ALICE, "go"));
      assertRefused(
          fixture,
          proposal,
          ALICE,
          RefusalReason.ACTION_CHANGED,
          () -> fixture.approvals.reject(proposal.id(), stale, ALICE, "no"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void proposalNoLongerPending_isRefused(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal agents = awaitingApproval(fixture, traffic);
      Proposal bobs =
          proposals(fixture)
              .propose(
                  agents.incidentId(), ActionType.ROLLBACK, Optional.of("v1"), "same fix", "bob");
      assertThat(fixture.incidents.proposal(agents.id()).orElseThrow().status())
          .isEqualTo(ProposalStatus.SUPERSEDED);
      assertRefused(
          fixture,
          agents,
          ALICE,
          RefusalReason.NOT_PENDING,
          () -> fixture.approvals.approve(agents.id(), agents.action().hash(), ALICE, "go"));
      fixture.approvals.approve(bobs.id(), bobs.action().hash(), ALICE, "go");
      Approver carol = new Approver("carol", Role.ADMIN);

      assertRefused(
          fixture,
          bobs,
          carol,
          RefusalReason.NOT_PENDING,
          () -> fixture.approvals.reject(bobs.id(), bobs.action().hash(), carol, "too late"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void expiredProposal_isRefusedExpiredAndItsIncidentEscalated(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Proposal proposal = awaitingApproval(fixture, traffic);
      List<Deployment> deployments = BadRelease.deployments(database, traffic);
      traffic.setClock(proposal.expiresAt());

      ApprovalRefusedException refused =
          catchThrowableOfType(
              ApprovalRefusedException.class,
              () -> fixture.approvals.approve(proposal.id(), proposal.action().hash(), ALICE, ""));

      assertThat(refused.reason()).isEqualTo(RefusalReason.EXPIRED);
      assertThat(fixture.incidents.proposal(proposal.id()).orElseThrow().status())
          .isEqualTo(ProposalStatus.EXPIRED);
      assertThat(fixture.incidents.require(proposal.incidentId()).state())
          .isEqualTo(IncidentState.ESCALATED);
      assertThat(fixture.incidents.approvals(proposal.id())).isEmpty();
      assertThat(BadRelease.deployments(database, traffic)).isEqualTo(deployments);
      assertThat(fixture.incidents.timeline(proposal.incidentId()))
          .extracting(TimelineEvent::type)
          .endsWith(
              TimelineEventType.EXPIRED,
              TimelineEventType.ESCALATED,
              TimelineEventType.APPROVAL_REFUSED);
      assertThat(auditEntries(fixture))
          .extracting(AuditEntry::action)
          .endsWith("proposal.expired", "approval.refused");
    }
  }

  /** Advances the diagnosed release to the agent's rollback proposal. */
  private static Proposal awaitingApproval(AgentFixture fixture, TrafficFixture traffic) {
    Incident diagnosed = DiagnosedRelease.diagnosed(traffic, fixture.incidents);
    Incident waiting = fixture.agent.advance(diagnosed.id(), GraphProgress.NONE);
    assertThat(waiting.state()).isEqualTo(IncidentState.AWAITING_APPROVAL);
    return fixture.incidents.currentProposal(waiting.id()).orElseThrow();
  }

  private static ProposalService proposals(AgentFixture fixture) {
    return new ProposalService(
        fixture.incidents,
        fixture.registry,
        fixture.antiThrash,
        fixture.executors,
        fixture.setup.policies().remediation());
  }

  /**
   * Runs {@code attempt} and checks it is refused for {@code reason}, adding one APPROVAL_REFUSED
   * entry to the timeline and one {@code approval.refused} entry to the audit log, and changing
   * nothing else.
   */
  private static void assertRefused(
      AgentFixture fixture,
      Proposal proposal,
      Approver approver,
      RefusalReason reason,
      Runnable attempt) {
    Observed before = Observed.of(fixture, proposal.incidentId());

    ApprovalRefusedException refused =
        catchThrowableOfType(ApprovalRefusedException.class, attempt::run);

    assertThat(refused).as("refused as " + reason).isNotNull();
    assertThat(refused.reason()).isEqualTo(reason);
    Observed after = Observed.of(fixture, proposal.incidentId());
    assertThat(after.unchanged()).isEqualTo(before.unchanged());
    assertThat(after.timeline()).hasSize(before.timeline().size() + 1);
    TimelineEvent event = after.timeline().get(after.timeline().size() - 1);
    assertThat(event.type()).isEqualTo(TimelineEventType.APPROVAL_REFUSED);
    assertThat(event.actor()).isEqualTo(approver.name());
    assertThat(event.detail()).startsWith(reason + ": ").contains(refused.getMessage());
    assertThat(after.audit()).hasSize(before.audit().size() + 1);
    AuditEntry entry = after.audit().get(after.audit().size() - 1);
    assertThat(entry.action()).isEqualTo("approval.refused");
    assertThat(entry.actor()).isEqualTo(approver.name());
    assertThat(entry.subject()).isEqualTo(proposal.incidentId());
    assertThat(entry.detail()).contains(reason.name());
    assertThat(new AuditLog(fixture.database, fixture.traffic.clock()).verify().intact()).isTrue();
  }

  private static List<AuditEntry> auditEntries(AgentFixture fixture) {
    return new AuditLog(fixture.database, fixture.traffic.clock()).entries(0, 10_000);
  }

  /** What a refusal must leave as it was. */
  private record Unchanged(
      IncidentState state,
      List<Proposal> proposals,
      List<List<Approval>> approvals,
      List<Execution> executions,
      List<Deployment> deployments) {}

  /** The incident's records before or after an attempt. */
  private record Observed(
      Unchanged unchanged, List<TimelineEvent> timeline, List<AuditEntry> audit) {

    static Observed of(AgentFixture fixture, String incidentId) {
      List<Proposal> proposals = fixture.incidents.proposals(incidentId);
      Unchanged unchanged =
          new Unchanged(
              fixture.incidents.require(incidentId).state(),
              proposals,
              proposals.stream().map(p -> fixture.incidents.approvals(p.id())).toList(),
              fixture.incidents.executions(incidentId),
              BadRelease.deployments(fixture.database, fixture.traffic));
      return new Observed(unchanged, fixture.incidents.timeline(incidentId), auditEntries(fixture));
    }
  }
}
