package io.vigil.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.agent.approve.Approver;
import io.vigil.tools.access.Role;
import io.vigil.tools.audit.AuditLog;
import io.vigil.tools.incident.Execution;
import io.vigil.tools.incident.ExecutionStatus;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.TimelineEvent;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent survives a crash at every node. Each test runs an agent on the bad release until it
 * stops at one point (a simulated crash, or simply stopping while a person has yet to decide), then
 * builds a fresh agent over the same store, as a restarted process, and lets it carry on: the
 * incident ends resolved after the one rollback to v1, every node's record is written once, and the
 * router deploys once. A crash while reverting a rollback that did not help does not revert twice.
 */
class ResumeTest {

  private static final Approver ALICE = new Approver("alice", Role.APPROVE);

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void crashWhileOpen_restartInvestigatesAndCarriesOn(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      BadRelease.seed(traffic);
      AgentFixture before = new AgentFixture(database, traffic);
      Incident opened = before.monitor.sweep().get(0).opened().orElseThrow();

      AgentFixture after = before.restarted();
      after.agent.round();

      assertProposedRollback(after, opened.id());
      approveAndFinish(after, opened.id());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void crashAfterInvestigating_restartReasonsOverTheStoredEvidence(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      BadRelease.seed(traffic);
      AgentFixture before = new AgentFixture(database, traffic);
      String id = crashOnReaching(before, IncidentState.INVESTIGATING);
      int gathered = before.incidents.evidence(id).size();

      AgentFixture after = before.restarted();
      after.agent.round();

      assertThat(after.incidents.evidence(id)).hasSize(gathered);
      assertProposedRollback(after, id);
      approveAndFinish(after, id);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void crashAfterDiagnosing_restartProposes(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      BadRelease.seed(traffic);
      AgentFixture before = new AgentFixture(database, traffic);
      String id = crashOnReaching(before, IncidentState.DIAGNOSED);
      assertThat(before.incidents.proposals(id)).isEmpty();

      AgentFixture after = before.restarted();
      after.agent.round();

      assertProposedRollback(after, id);
      approveAndFinish(after, id);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void restartWhileAwaitingApproval_keepsWaiting_thenExecutesTheApprovalGivenAfterIt(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      BadRelease.seed(traffic);
      AgentFixture before = new AgentFixture(database, traffic);
      String id = before.agent.round().advanced().get(0).id();
      Proposal proposal = before.incidents.currentProposal(id).orElseThrow();

      AgentFixture after = before.restarted();
      traffic.setClock(proposal.expiresAt().minusSeconds(60));
      after.agent.round();

      assertThat(after.incidents.require(id).state()).isEqualTo(IncidentState.AWAITING_APPROVAL);
      assertThat(after.incidents.currentProposal(id)).contains(proposal);
      approveAndFinish(after, id);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void crashAfterApproval_restartExecutesOnce(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      BadRelease.seed(traffic);
      AgentFixture before = new AgentFixture(database, traffic);
      String id = before.agent.round().advanced().get(0).id();
      approve(before, id);
      assertThat(before.incidents.require(id).state()).isEqualTo(IncidentState.REMEDIATING);

      AgentFixture after = before.restarted();
      after.agent.round();

      verifyAndCheckOnce(after, id);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void crashAfterExecutionStartedBeforeTheRouterRan_restartDeploysOnce(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      BadRelease.seed(traffic);
      AgentFixture before = crashingRouter(database, traffic, SimulatedCrash.When.BEFORE_EXECUTING);
      String id = crashInExecution(before);
      assertThat(BadRelease.keyedDeployments(database, traffic)).isEmpty();

      AgentFixture after = before.restarted();
      after.agent.round();

      verifyAndCheckOnce(after, id);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void crashAfterExecutionStarted_restartAfterTheApprovalLapsed_executesNothingAndEscalates(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      BadRelease.seed(traffic);
      AgentFixture before = crashingRouter(database, traffic, SimulatedCrash.When.BEFORE_EXECUTING);
      String id = crashInExecution(before);
      traffic.setClock(traffic.clock().instant().plus(Duration.ofHours(2)));

      AgentFixture after = before.restarted();
      after.agent.round();

      assertThat(after.incidents.require(id).state()).isEqualTo(IncidentState.ESCALATED);
      assertThat(BadRelease.keyedDeployments(database, traffic)).isEmpty();
      assertThat(after.incidents.executions(id))
          .singleElement()
          .satisfies(
              execution -> {
                assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(execution.detail())
                    .contains("lapsed")
                    .contains(execution.idempotencyKey());
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void crashAfterTheRouterDeployedBeforeFinishing_restartDoesNotDeployAgain(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      BadRelease.seed(traffic);
      AgentFixture before = crashingRouter(database, traffic, SimulatedCrash.When.AFTER_EXECUTING);
      String id = crashInExecution(before);
      assertThat(BadRelease.keyedDeployments(database, traffic)).hasSize(1);

      AgentFixture after = before.restarted();
      after.agent.round();

      verifyAndCheckOnce(after, id);
      assertThat(events(after, id, TimelineEventType.EXECUTED))
          .singleElement()
          .extracting(TimelineEvent::detail)
          .asString()
          .contains("not deployed again");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void crashWhileVerifying_restartVerifiesWithoutExecutingAgain(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      BadRelease.seed(traffic);
      AgentFixture before = new AgentFixture(database, traffic);
      String id = before.agent.round().advanced().get(0).id();
      approve(before, id);
      assertThatThrownBy(
              () -> before.agent.advance(id, SimulatedCrash.onReaching(IncidentState.VERIFYING)))
          .isInstanceOf(SimulatedCrash.class);

      AgentFixture after = before.restarted();
      after.agent.round();

      verifyAndCheckOnce(after, id);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void crashAfterTheRevertDeployedBeforeVerificationRecorded_restartDoesNotRevertAgain(
      String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      BadRelease.seed(traffic);
      AgentFixture before =
          new AgentFixture(
              database,
              traffic,
              AgentFixture.Setup.defaults()
                  .withRouterWrapper(
                      router ->
                          new SimulatedCrash.Executor(
                              router, SimulatedCrash.When.AFTER_EXECUTING, "revert:")));
      String id = before.agent.round().advanced().get(0).id();
      approve(before, id);
      before.agent.advance(id, GraphProgress.NONE);
      BadRelease.serve(traffic, "v1", 0.6, 3);
      assertThatThrownBy(() -> before.agent.advance(id, GraphProgress.NONE))
          .isInstanceOf(SimulatedCrash.class);
      assertThat(before.incidents.require(id).state()).isEqualTo(IncidentState.VERIFYING);
      assertThat(BadRelease.keyedDeployments(database, traffic)).hasSize(2);

      AgentFixture after = before.restarted();
      after.agent.round();

      assertThat(after.incidents.require(id).state()).isEqualTo(IncidentState.ESCALATED);
      assertThat(BadRelease.keyedDeployments(database, traffic))
          .extracting(d -> d.traffic())
          .containsExactly(Map.of("v1", 1.0), Map.of("v2", 1.0));
      assertThat(events(after, id, TimelineEventType.REVERTED))
          .singleElement()
          .extracting(TimelineEvent::detail)
          .asString()
          .startsWith("reverted to v2=1.0")
          .contains("not deployed again");
      assertThat(events(after, id, TimelineEventType.ESCALATED)).hasSize(1);
      assertThat(after.incidents.executions(id)).hasSize(1);
    }
  }

  /** Opens the incident with the monitor and advances it until it reaches {@code state}. */
  private static String crashOnReaching(AgentFixture fixture, IncidentState state) {
    Incident opened = fixture.monitor.sweep().get(0).opened().orElseThrow();
    assertThatThrownBy(() -> fixture.agent.advance(opened.id(), SimulatedCrash.onReaching(state)))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(fixture.incidents.require(opened.id()).state()).isEqualTo(state);
    return opened.id();
  }

  private static AgentFixture crashingRouter(
      Database database, TrafficFixture traffic, SimulatedCrash.When when) {
    return new AgentFixture(
        database,
        traffic,
        AgentFixture.Setup.defaults()
            .withRouterWrapper(router -> new SimulatedCrash.Executor(router, when)));
  }

  /** Proposes, approves, and crashes in the executor after the execution was recorded started. */
  private static String crashInExecution(AgentFixture fixture) {
    String id = fixture.agent.round().advanced().get(0).id();
    approve(fixture, id);
    assertThatThrownBy(() -> fixture.agent.advance(id, GraphProgress.NONE))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(fixture.incidents.require(id).state()).isEqualTo(IncidentState.REMEDIATING);
    assertThat(fixture.incidents.executions(id))
        .singleElement()
        .extracting(Execution::status)
        .isEqualTo(ExecutionStatus.STARTED);
    return id;
  }

  private static void assertProposedRollback(AgentFixture fixture, String id) {
    assertThat(fixture.incidents.require(id).state()).isEqualTo(IncidentState.AWAITING_APPROVAL);
    assertThat(fixture.incidents.diagnosis(id).orElseThrow().top())
        .satisfies(
            top -> {
              assertThat(top.category()).isEqualTo(RootCause.BAD_MODEL_VERSION);
              assertThat(top.culprit()).isEqualTo("v2");
            });
    assertThat(fixture.incidents.proposals(id))
        .singleElement()
        .satisfies(p -> assertThat(p.action().arguments()).isEqualTo(Map.of("version", "v1")));
    for (TimelineEventType once :
        List.of(
            TimelineEventType.OPENED,
            TimelineEventType.EVIDENCE_GATHERED,
            TimelineEventType.DIAGNOSED,
            TimelineEventType.PROPOSED)) {
      assertThat(events(fixture, id, once)).as(once.name()).hasSize(1);
    }
  }

  private static void approve(AgentFixture fixture, String id) {
    Proposal proposal = fixture.incidents.currentProposal(id).orElseThrow();
    fixture.approvals.approve(proposal.id(), proposal.action().hash(), ALICE, "go");
  }

  private static void approveAndFinish(AgentFixture fixture, String id) {
    approve(fixture, id);
    fixture.agent.round();
    verifyAndCheckOnce(fixture, id);
  }

  /**
   * The incident has executed its rollback and waits for evidence; good v1 traffic resolves it. The
   * rollback ran once: one execution, one deployment under its key, one start and one finish; the
   * audit log's chain is intact across the crash.
   */
  private static void verifyAndCheckOnce(AgentFixture fixture, String id) {
    assertThat(fixture.incidents.require(id).state()).isEqualTo(IncidentState.VERIFYING);
    BadRelease.serve(fixture.traffic, "v1", 0.93, 3);

    fixture.agent.round();

    assertThat(fixture.incidents.require(id).state()).isEqualTo(IncidentState.RESOLVED);
    assertThat(BadRelease.keyedDeployments(fixture.database, fixture.traffic))
        .singleElement()
        .satisfies(d -> assertThat(d.traffic()).isEqualTo(Map.of("v1", 1.0)));
    assertThat(fixture.incidents.executions(id))
        .singleElement()
        .extracting(Execution::status)
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(events(fixture, id, TimelineEventType.EXECUTION_STARTED)).hasSize(1);
    assertThat(events(fixture, id, TimelineEventType.EXECUTED)).hasSize(1);
    assertThat(events(fixture, id, TimelineEventType.RESOLVED)).hasSize(1);
    assertThat(new AuditLog(fixture.database, fixture.traffic.clock()).verify().intact()).isTrue();
  }

  private static List<TimelineEvent> events(
      AgentFixture fixture, String id, TimelineEventType type) {
    return fixture.incidents.timeline(id).stream().filter(e -> e.type() == type).toList();
  }
}
