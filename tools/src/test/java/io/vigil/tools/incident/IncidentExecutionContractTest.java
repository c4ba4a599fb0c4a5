package io.vigil.tools.incident;

import static io.vigil.tools.incident.IncidentFixtures.MODEL;
import static io.vigil.tools.incident.IncidentFixtures.NOW;
import static io.vigil.tools.incident.IncidentFixtures.approved;
import static io.vigil.tools.incident.IncidentFixtures.proposed;
import static io.vigil.tools.incident.IncidentStoreContractTest.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.tools.audit.AuditEntry;
import io.vigil.tools.incident.IncidentFixtures.TestClock;
import io.vigil.tools.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Executions and verifications in the incident store, on both stores. */
class IncidentExecutionContractTest {

  private static final int RACERS = 4;

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void startExecution_twice_keepsOneRowAndReturnsItUnchanged(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      TestClock clock = new TestClock();
      IncidentStore incidents = new IncidentStore(database, clock);
      Proposal proposal = approved(incidents, NOW);

      Execution started = incidents.startExecution(proposal, "router");
      clock.advance(Duration.ofMinutes(1));
      Execution again = incidents.startExecution(proposal, "router");

      assertThat(started.idempotencyKey()).isEqualTo(Execution.keyFor(proposal));
      assertThat(started.status()).isEqualTo(ExecutionStatus.STARTED);
      assertThat(started.startedAt()).isEqualTo(NOW);
      assertThat(again).isEqualTo(started);
      assertThat(incidents.executions(proposal.incidentId())).containsExactly(started);
      assertThat(incidents.execution(started.idempotencyKey())).contains(started);
      assertThat(incidents.timeline(proposal.incidentId()))
          .filteredOn(e -> e.type() == TimelineEventType.EXECUTION_STARTED)
          .hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void startExecution_concurrently_storesOneExecution(String store, Supplier<Database> open)
      throws Exception {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Proposal proposal = approved(incidents, NOW);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(RACERS);
      List<Future<Execution>> results = new ArrayList<>();

      try {
        for (int i = 0; i < RACERS; i++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return incidents.startExecution(proposal, "router");
                  }));
        }
        start.countDown();
        List<Execution> executions = new ArrayList<>();
        for (Future<Execution> result : results) {
          executions.add(result.get(60, TimeUnit.SECONDS));
        }

        assertThat(executions).allMatch(e -> e.equals(executions.get(0)));
        assertThat(incidents.executions(proposal.incidentId())).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void startExecution_withoutAValidApproval_isRefusedAndNothingIsStored(
      String store, Supplier<Database> open) throws SQLException {
    try (Database database = open.get()) {
      TestClock clock = new TestClock();
      IncidentStore incidents = new IncidentStore(database, clock);
      Proposal pending = proposed(incidents);
      Proposal expiring = approved(incidents, NOW);
      Proposal tampered = approved(incidents, NOW);
      try (Connection connection = database.connection();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "UPDATE proposal SET action_arguments = '{\"version\":\"v0\"}' WHERE id = "
                + tampered.id().substring("prop-".length()));
      }
      Proposal changed = incidents.proposal(tampered.id()).orElseThrow();

      assertThatThrownBy(() -> incidents.startExecution(pending, "router"))
          .isInstanceOf(StaleIncidentException.class)
          .hasMessageContaining("AWAITING_APPROVAL");
      assertThatThrownBy(() -> incidents.startExecution(changed, "router"))
          .isInstanceOf(ExecutionRefusedException.class)
          .hasMessageContaining("not the one that was approved");
      clock.advance(Duration.ofMinutes(30));
      assertThatThrownBy(() -> incidents.startExecution(expiring, "router"))
          .isInstanceOf(ExecutionRefusedException.class)
          .hasMessageContaining("expired");

      assertThat(incidents.executionsOfModel(MODEL, NOW)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void theWholeLoop_fromExecutionToResolution_isRecordedInOrder(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      TestClock clock = new TestClock();
      IncidentStore incidents = new IncidentStore(database, clock);
      Proposal proposal = approved(incidents, NOW);
      Execution started = incidents.startExecution(proposal, "router");
      clock.advance(Duration.ofSeconds(5));
      Verification pending =
          new Verification(
              proposal.incidentId(),
              NOW.plusSeconds(600),
              VerificationOutcome.PENDING,
              Double.NaN,
              0.9,
              12,
              true,
              "12 records since the rollback; not enough yet");
      Verification recovered =
          new Verification(
              proposal.incidentId(),
              NOW.plusSeconds(3600),
              VerificationOutcome.RECOVERED,
              0.93,
              0.9,
              800,
              false,
              "accuracy 0.93 on 800 labelled predictions");

      Execution finished =
          incidents.finishExecution(
              started.idempotencyKey(),
              ExecutionStatus.SUCCEEDED,
              "route v1=1.0",
              IncidentState.VERIFYING);
      Incident verifying = incidents.recordVerification(pending, Optional.empty());
      Incident resolved =
          incidents.recordVerification(recovered, Optional.of(IncidentState.RESOLVED));

      assertThat(finished.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(finished.finishedAt()).isEqualTo(NOW.plusSeconds(5));
      assertThat(finished.detail()).isEqualTo("route v1=1.0");
      assertThat(incidents.proposal(proposal.id()).orElseThrow().status())
          .isEqualTo(ProposalStatus.EXECUTED);
      assertThat(verifying.state()).isEqualTo(IncidentState.VERIFYING);
      assertThat(resolved.state()).isEqualTo(IncidentState.RESOLVED);
      assertThat(incidents.verifications(proposal.incidentId()))
          .containsExactly(pending, recovered);
      assertThat(incidents.executionsOfModel(MODEL, NOW)).containsExactly(finished);
      assertThat(incidents.executionsOfModel(MODEL, NOW.plusSeconds(1))).isEmpty();
      assertThat(incidents.unfinished()).isEmpty();
      assertThat(incidents.timeline(proposal.incidentId()))
          .extracting(TimelineEvent::type)
          .containsExactly(
              TimelineEventType.OPENED,
              TimelineEventType.EVIDENCE_GATHERED,
              TimelineEventType.DIAGNOSED,
              TimelineEventType.PROPOSED,
              TimelineEventType.APPROVED,
              TimelineEventType.EXECUTION_STARTED,
              TimelineEventType.EXECUTED,
              TimelineEventType.VERIFICATION,
              TimelineEventType.VERIFICATION,
              TimelineEventType.RESOLVED);
      assertThat(audit(database))
          .extracting(AuditEntry::action)
          .containsSubsequence(
              "proposal.approved", "execution.started", "execution.succeeded", "incident.verified");
      assertThatThrownBy(
              () ->
                  incidents.finishExecution(
                      started.idempotencyKey(),
                      ExecutionStatus.FAILED,
                      "again",
                      IncidentState.ESCALATED))
          .isInstanceOf(StaleIncidentException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void finishExecution_failure_failsTheProposalAndEscalates(String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Proposal proposal = approved(incidents, NOW);
      Execution started = incidents.startExecution(proposal, "webhook");

      Execution failed =
          incidents.finishExecution(
              started.idempotencyKey(),
              ExecutionStatus.FAILED,
              "HTTP 500 after 3 attempts",
              IncidentState.ESCALATED);

      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(incidents.proposal(proposal.id()).orElseThrow().status())
          .isEqualTo(ProposalStatus.FAILED);
      assertThat(incidents.require(proposal.incidentId()).state())
          .isEqualTo(IncidentState.ESCALATED);
      assertThat(incidents.timeline(proposal.incidentId()))
          .last()
          .extracting(TimelineEvent::type)
          .isEqualTo(TimelineEventType.EXECUTION_FAILED);
      assertThatThrownBy(
              () ->
                  incidents.finishExecution(
                      "prop-1:nothing", ExecutionStatus.FAILED, "x", IncidentState.ESCALATED))
          .isInstanceOf(UnknownIncidentException.class);
      assertThatThrownBy(
              () ->
                  incidents.finishExecution(
                      started.idempotencyKey(),
                      ExecutionStatus.STARTED,
                      "x",
                      IncidentState.ESCALATED))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void recordVerification_notVerifying_throwsStaleAndStoresNothing(
      String store, Supplier<Database> open) {
    try (Database database = open.get()) {
      IncidentStore incidents = new IncidentStore(database, new TestClock());
      Proposal proposal = approved(incidents, NOW);
      Verification early =
          new Verification(
              proposal.incidentId(), NOW, VerificationOutcome.PENDING, 0.5, 0.9, 0, false, "x");

      assertThatThrownBy(() -> incidents.recordVerification(early, Optional.empty()))
          .isInstanceOfSatisfying(
              StaleIncidentException.class,
              e -> assertThat(e.actualState()).isEqualTo(IncidentState.REMEDIATING));

      assertThat(incidents.verifications(proposal.incidentId())).isEmpty();
    }
  }
}
