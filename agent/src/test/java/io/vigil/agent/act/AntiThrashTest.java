package io.vigil.agent.act;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.agent.execute.ExecutionContext;
import io.vigil.agent.execute.ExecutionResult;
import io.vigil.agent.execute.RouterExecutor;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Approval;
import io.vigil.tools.incident.Decision;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.incident.Execution;
import io.vigil.tools.incident.ExecutionStatus;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The anti-thrash limits over the store's real record of executed actions and the router's real
 * deployments: a cooldown after an action, at most N actions between two reviews by a person, and
 * no rollback to the version the agent itself moved away from within the flip-flop window. Model
 * {@code fraud} has versions v1, v2, v3; v1 was deployed by a person at the start.
 */
class AntiThrashTest {

  private static final String MODEL = "fraud";
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private Database database;
  private TrafficFixture traffic;
  private IncidentStore incidents;
  private RouterExecutor router;

  @BeforeEach
  void open() {
    database = TestStores.h2();
    traffic = TrafficFixture.open(database);
    incidents = new IncidentStore(database, traffic.clock());
    router = new RouterExecutor(traffic.registry(), traffic.clock());
    traffic.classifier(MODEL, OptionalDouble.of(0.85), "v1", "v2", "v3");
  }

  @AfterEach
  void close() {
    traffic.close();
    database.close();
  }

  @Test
  void actionWithinTheCooldownOfTheLast_isRefused_untilItPasses() {
    AntiThrash limits = limits(policy(HOUR, 3));
    Execution last = execute(shift("v2"), START.plus(HOUR));

    traffic.setClock(last.finishedAt().plus(HOUR).minusSeconds(1));
    Optional<String> during = limits.refusal(rollback("v3"));
    Optional<String> escalation = limits.refusal(escalate());
    traffic.setClock(last.finishedAt().plus(HOUR));
    Optional<String> after = limits.refusal(rollback("v3"));

    assertThat(during)
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("finished at " + last.finishedAt())
                    .contains("the next may come after " + last.finishedAt().plus(HOUR)));
    assertThat(escalation).isEmpty();
    assertThat(after).isEmpty();
  }

  @Test
  void atMostNActionsBetweenReviews_aReviewAllowsMore() {
    AntiThrash limits = limits(policy(Duration.ZERO, 2));
    execute(shift("v2"), START.plus(HOUR));
    Optional<String> afterOne = limits.refusal(shift("v3"));
    execute(shift("v3"), START.plus(HOUR.multipliedBy(2)));

    Optional<String> afterTwo = limits.refusal(rollback("v1"));
    traffic.setClock(START.plus(HOUR.multipliedBy(3)));
    incidents.recordReview(MODEL, "alice");
    Optional<String> afterReview = limits.refusal(rollback("v1"));

    assertThat(afterOne).isEmpty();
    assertThat(afterTwo)
        .hasValue(
            "2 automated actions ran on fraud since a person last reviewed it; a review is"
                + " needed before another");
    assertThat(afterReview).isEmpty();
  }

  @Test
  void rollbackToTheVersionTheAgentMovedAwayFrom_isRefusedWithinTheWindow() {
    RemediationPolicy policy = policy(Duration.ZERO, 3);
    AntiThrash limits = limits(policy);
    Execution moved = execute(shift("v2"), START.plus(HOUR));

    traffic.setClock(moved.finishedAt().plus(policy.flipFlopWindow()).minusSeconds(1));
    Optional<String> within = limits.refusal(rollback("v1"));
    Optional<String> elsewhere = limits.refusal(rollback("v3"));
    traffic.setClock(moved.finishedAt().plus(policy.flipFlopWindow()));
    Optional<String> after = limits.refusal(rollback("v1"));

    assertThat(within)
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("rolling back to v1 would undo the agent's own move away from it")
                    .contains("no A → B → A flip-flop"));
    assertThat(elsewhere).isEmpty();
    assertThat(after).isEmpty();
  }

  @Test
  void rollbackToTheVersionAPersonMovedAwayFrom_isAllowed() {
    AntiThrash limits = limits(policy(HOUR, 3));
    Instant release = START.plus(HOUR);
    traffic.registry().deploy(MODEL, Map.of("v2", 1.0), release, "alice", "release v2");
    traffic.setClock(release.plusSeconds(60));

    Optional<String> refusal = limits.refusal(rollback("v1"));

    assertThat(refusal).isEmpty();
  }

  private AntiThrash limits(RemediationPolicy policy) {
    return new AntiThrash(incidents, traffic.registry(), policy, traffic.clock());
  }

  private static RemediationPolicy policy(Duration cooldown, int actionsBeforeReview) {
    return new RemediationPolicy(
        0.5, Duration.ofDays(1), HOUR, cooldown, actionsBeforeReview, Duration.ofDays(7));
  }

  private static RemediationAction rollback(String version) {
    return new RemediationAction(ActionType.ROLLBACK, MODEL, Map.of("version", version));
  }

  private static RemediationAction shift(String version) {
    return new RemediationAction(
        ActionType.SHIFT_TRAFFIC, MODEL, Map.of("traffic", version + "=1.0"));
  }

  private static RemediationAction escalate() {
    return new RemediationAction(ActionType.ESCALATE, MODEL, Map.of());
  }

  /**
   * Runs {@code action} at {@code at} the way the graph does: an incident diagnosed, the action
   * proposed and approved, the execution recorded, the router deploying under its key, the
   * execution finished.
   */
  private Execution execute(RemediationAction action, Instant at) {
    traffic.setClock(at);
    Proposal proposal = proposed(action, at);
    incidents.recordDecision(
        new Approval(
            proposal.id(),
            proposal.actionHash(),
            Decision.APPROVED,
            "alice",
            at,
            at.plus(HOUR),
            ""),
        IncidentState.REMEDIATING);
    Execution started = incidents.startExecution(proposal, router.name());
    ExecutionResult result =
        router.execute(
            action,
            started.idempotencyKey(),
            new ExecutionContext(proposal.incidentId(), proposal.id(), "alice"));
    assertThat(result.succeeded()).as(result.detail()).isTrue();
    return incidents.finishExecution(
        started.idempotencyKey(),
        ExecutionStatus.SUCCEEDED,
        result.detail(),
        IncidentState.VERIFYING);
  }

  private Proposal proposed(RemediationAction action, Instant at) {
    TimeRange window = new TimeRange(at.minus(HOUR), at);
    Incident incident =
        incidents.open(
            MODEL,
            new Trigger(SignalKind.ACCURACY_SLO, window, 0.6, 0.85, "accuracy below target"),
            MODEL + ": accuracy below its SLO",
            "vigil-monitor");
    incidents.recordEvidence(
        incident.id(),
        window,
        List.of(
            new Evidence(
                "E1",
                EvidenceKind.ACCURACY,
                "",
                "accuracy fell",
                Map.of("accuracy", 0.6),
                new EvidenceQuery("check_model_accuracy", Map.of("model", MODEL)))));
    incidents.recordDiagnosis(
        incident.id(),
        new Diagnosis(
            List.of(
                new Hypothesis(
                    1, RootCause.BAD_MODEL_VERSION, "v1", 0.9, List.of("E1"), "bad version")),
            List.of(),
            ReasonerKind.DETERMINISTIC,
            Optional.empty(),
            "bad version"));
    return incidents.recordProposal(
        incident.id(),
        IncidentState.DIAGNOSED,
        action,
        "fix it",
        "vigil-agent",
        Duration.ofDays(1));
  }
}
