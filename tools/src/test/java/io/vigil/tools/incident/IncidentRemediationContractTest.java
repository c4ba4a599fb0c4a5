package io.vigil.tools.incident;

import static io.vigil.tools.incident.IncidentFixtures.MODEL;
import static io.vigil.tools.incident.IncidentFixtures.NOW;
import static io.vigil.tools.incident.IncidentFixtures.approval;
import static io.vigil.tools.incident.IncidentFixtures.approved;
import static io.vigil.tools.incident.IncidentFixtures.diagnosed;
import static io.vigil.tools.incident.IncidentFixtures.proposed;
import static io.vigil.tools.incident.IncidentFixtures.rollback;
import static io.vigil.tools.incident.IncidentStoreContractTest.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.audit.AuditEntry;
import io.vigil.tools.incident.IncidentFixtures.TestClock;
import io.vigil.tools.store.Database;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Proposals, decisions and expiry in the incident store, on both stores. */
class IncidentRemediationContractTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordProposal_movesToAwaitingApprovalAndRoundTrips(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());

      Proposal proposal = proposed(incidents);

      assertThat(proposal.id()).matches("prop-[0-9]+");
      assertThat(proposal.status()).isEqualTo(ProposalStatus.PENDING_APPROVAL);
      assertThat(proposal.action()).isEqualTo(rollback("v1"));
      assertThat(proposal.actionHash()).isEqualTo(rollback("v1").hash());
      assertThat(proposal.proposedAt()).isEqualTo(NOW);
      assertThat(proposal.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
      assertThat(incidents.proposal(proposal.id())).contains(proposal);
      assertThat(incidents.currentProposal(proposal.incidentId())).contains(proposal);
      assertThat(incidents.pendingProposals()).containsExactly(proposal);
      assertThat(incidents.require(proposal.incidentId()).state())
          .isEqualTo(IncidentState.AWAITING_APPROVAL);
      assertThat(audit(database))
          .last()
          .satisfies(
              e -> {
                assertThat(e.action()).isEqualTo("proposal.created");
                assertThat(e.subject()).isEqualTo(proposal.id());
                assertThat(e.detail()).contains(proposal.actionHash());
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordProposal_again_supersedesThePendingOne(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Proposal first = proposed(incidents);

      Proposal second =
          incidents.recordProposal(
              first.incidentId(),
              IncidentState.AWAITING_APPROVAL,
              new RemediationAction(ActionType.ESCALATE, MODEL, Map.of()),
              "a person should look",
              "claude",
              Duration.ofHours(2));

      assertThat(incidents.proposal(first.id()).orElseThrow().status())
          .isEqualTo(ProposalStatus.SUPERSEDED);
      assertThat(incidents.proposals(first.incidentId()))
          .extracting(Proposal::id)
          .containsExactly(first.id(), second.id());
      assertThat(incidents.currentProposal(first.incidentId())).contains(second);
      assertThat(incidents.pendingProposals()).containsExactly(second);
      assertThatThrownBy(
              () -> incidents.recordDecision(approval(first, NOW), IncidentState.REMEDIATING))
          .isInstanceOf(StaleStateException.class)
          .hasMessageContaining("SUPERSEDED");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordProposal_badArguments_areRefusedAndNothingIsStored(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Incident incident = diagnosed(incidents);
      RemediationAction otherModel =
          new RemediationAction(ActionType.ROLLBACK, "fraud", Map.of("version", "v1"));

      assertThatThrownBy(
              () ->
                  incidents.recordProposal(
                      incident.id(),
                      IncidentState.DIAGNOSED,
                      otherModel,
                      "wrong model",
                      "claude",
                      Duration.ofHours(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("fraud");
      assertThatThrownBy(
              () ->
                  incidents.recordProposal(
                      incident.id(),
                      IncidentState.DIAGNOSED,
                      rollback("v1"),
                      "never valid",
                      "claude",
                      Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  incidents.recordProposal(
                      incident.id(),
                      IncidentState.OPEN,
                      rollback("v1"),
                      "stale",
                      "claude",
                      Duration.ofHours(1)))
          .isInstanceOf(StaleIncidentException.class);

      assertThat(incidents.require(incident.id())).isEqualTo(incident);
      assertThat(incidents.proposals(incident.id())).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordDecision_approval_movesProposalAndIncidentAndIsAudited(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Proposal proposal = proposed(incidents);
      Approval approval = approval(proposal, NOW.plusSeconds(60));

      Proposal approved = incidents.recordDecision(approval, IncidentState.REMEDIATING);

      assertThat(approved.status()).isEqualTo(ProposalStatus.APPROVED);
      assertThat(incidents.approvals(proposal.id())).containsExactly(approval);
      assertThat(incidents.require(proposal.incidentId()).state())
          .isEqualTo(IncidentState.REMEDIATING);
      assertThat(incidents.timeline(proposal.incidentId()))
          .last()
          .extracting(TimelineEvent::type, TimelineEvent::actor)
          .containsExactly(TimelineEventType.APPROVED, "alice");
      AuditEntry entry = audit(database).get(audit(database).size() - 1);
      assertThat(entry.action()).isEqualTo("proposal.approved");
      assertThat(entry.actor()).isEqualTo("alice");
      assertThat(entry.detail()).contains(proposal.actionHash());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordDecision_twice_throwsStaleAndKeepsTheFirst(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Proposal proposal = approved(incidents, NOW);
      int auditBefore = audit(database).size();
      Approval again =
          new Approval(
              proposal.id(),
              proposal.actionHash(),
              Decision.REJECTED,
              "bob",
              NOW,
              NOW.plusSeconds(60),
              "no");

      assertThatThrownBy(() -> incidents.recordDecision(again, IncidentState.ESCALATED))
          .isInstanceOfSatisfying(
              StaleStateException.class,
              e -> {
                assertThat(e.subject()).isEqualTo(proposal.id());
                assertThat(e.expected()).isEqualTo("PENDING_APPROVAL");
                assertThat(e.actual()).isEqualTo("APPROVED");
              });

      assertThat(incidents.approvals(proposal.id())).hasSize(1);
      assertThat(incidents.require(proposal.incidentId()).state())
          .isEqualTo(IncidentState.REMEDIATING);
      assertThat(audit(database)).hasSize(auditBefore);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordDecision_forAnotherActionOrTooLate_isRefusedAndNothingChanges(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Proposal proposal = proposed(incidents);
      Approval otherAction =
          new Approval(
              proposal.id(),
              rollback("v0").hash(),
              Decision.APPROVED,
              "alice",
              NOW,
              NOW.plusSeconds(600),
              "");
      Approval tooLate = approval(proposal, proposal.expiresAt());

      assertThatThrownBy(() -> incidents.recordDecision(otherAction, IncidentState.REMEDIATING))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(proposal.actionHash());
      assertThatThrownBy(() -> incidents.recordDecision(tooLate, IncidentState.REMEDIATING))
          .isInstanceOf(StaleStateException.class)
          .hasMessageContaining("expired");

      assertThat(incidents.proposal(proposal.id())).contains(proposal);
      assertThat(incidents.approvals(proposal.id())).isEmpty();
      assertThat(incidents.require(proposal.incidentId()).state())
          .isEqualTo(IncidentState.AWAITING_APPROVAL);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordDecision_rejection_escalates(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Proposal proposal = proposed(incidents);
      Approval rejection =
          new Approval(
              proposal.id(),
              proposal.actionHash(),
              Decision.REJECTED,
              "bob",
              NOW,
              NOW,
              "v1 has the old bug");

      Proposal rejected = incidents.recordDecision(rejection, IncidentState.ESCALATED);

      assertThat(rejected.status()).isEqualTo(ProposalStatus.REJECTED);
      assertThat(incidents.require(proposal.incidentId()).state())
          .isEqualTo(IncidentState.ESCALATED);
      assertThat(incidents.lastClosedAt(MODEL)).contains(NOW);
      assertThat(incidents.approvals(proposal.id())).containsExactly(rejection);
      assertThat(incidents.timeline(proposal.incidentId()))
          .last()
          .extracting(TimelineEvent::type)
          .isEqualTo(TimelineEventType.REJECTED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void expire_onlyAfterTheExpiry_escalates(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      TestClock clock = new TestClock();
      IncidentStore incidents = new IncidentStore(database, clock);
      Proposal proposal = proposed(incidents);

      assertThatThrownBy(() -> incidents.expire(proposal.id()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not yet");
      clock.advance(Duration.ofHours(1));
      Proposal expired = incidents.expire(proposal.id());

      assertThat(expired.status()).isEqualTo(ProposalStatus.EXPIRED);
      assertThat(incidents.require(proposal.incidentId()).state())
          .isEqualTo(IncidentState.ESCALATED);
      assertThat(incidents.pendingProposals()).isEmpty();
      assertThat(incidents.timeline(proposal.incidentId()))
          .extracting(TimelineEvent::type)
          .endsWith(TimelineEventType.EXPIRED, TimelineEventType.ESCALATED);
      assertThat(audit(database)).extracting(AuditEntry::action).endsWith("proposal.expired");
      assertThatThrownBy(() -> incidents.expire(proposal.id()))
          .isInstanceOf(StaleStateException.class);
    }
  }
}
