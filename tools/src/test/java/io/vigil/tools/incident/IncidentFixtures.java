package io.vigil.tools.incident;

import io.vigil.tools.query.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Records for the incident store's tests, and a clock the tests move instead of sleeping. */
final class IncidentFixtures {

  static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  static final String MODEL = "churn";
  static final TimeRange WINDOW = new TimeRange(NOW.minus(Duration.ofHours(24)), NOW);

  private IncidentFixtures() {}

  /** A clock that stays where the test puts it. */
  static final class TestClock implements InstantSource {
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration by) {
      now.updateAndGet(at -> at.plus(by));
    }
  }

  static Trigger accuracyTrigger() {
    return new Trigger(
        SignalKind.ACCURACY_SLO,
        new TimeRange(NOW.minus(Duration.ofHours(1)), NOW),
        0.8123456789012345,
        0.9,
        "accuracy 0.81 below the 0.90 target");
  }

  static Trigger onDemandTrigger() {
    return new Trigger(SignalKind.ON_DEMAND, WINDOW, Double.NaN, Double.NaN, "asked for by claude");
  }

  static List<Evidence> evidence() {
    return List.of(
        new Evidence(
            "E1",
            EvidenceKind.FEATURE_DRIFT,
            "age",
            "feature 'age' drifted: PSI 0.31",
            Map.of("psi", 0.31, "p_value", 1.2e-9, "share", 1.0 / 3),
            new EvidenceQuery("detect_data_drift", Map.of("model", MODEL, "window", "24h"))),
        new Evidence(
            "E2",
            EvidenceKind.ACCURACY,
            "",
            "accuracy fell from 0.93 to 0.81 in every version",
            Map.of("accuracy", 0.8123456789012345, "records", 1200.0),
            new EvidenceQuery("get_accuracy", Map.of("model", MODEL))),
        new Evidence(
            "E3",
            EvidenceKind.DEPLOYMENTS,
            "v2",
            "no deployment in the window; too few records for a p-value",
            Map.of("p_value", Double.NaN, "ratio", Double.POSITIVE_INFINITY),
            new EvidenceQuery("list_deployments", Map.of())));
  }

  static Diagnosis diagnosis() {
    return new Diagnosis(
        List.of(
            new Hypothesis(
                1,
                RootCause.COVARIATE_DRIFT,
                "age",
                0.8,
                List.of("E1", "E2"),
                "'age' shifted and accuracy fell in every version"),
            new Hypothesis(
                2, RootCause.CONCEPT_DRIFT, "", 0.15, List.of("E2"), "possible, less likely")),
        List.of(
            new RuledOut(RootCause.BAD_MODEL_VERSION, "no deployment in the window", List.of("E3")),
            new RuledOut(RootCause.INFRASTRUCTURE, "latency normal", List.of())),
        ReasonerKind.DETERMINISTIC,
        Optional.of("the LLM cited E9, which does not exist"),
        "covariate drift in 'age'");
  }

  static RemediationAction rollback(String version) {
    return new RemediationAction(ActionType.ROLLBACK, MODEL, Map.of("version", version));
  }

  /** An incident of {@link #MODEL} with evidence and a diagnosis: DIAGNOSED. */
  static Incident diagnosed(IncidentStore store) {
    Incident incident = store.open(MODEL, accuracyTrigger(), "accuracy below target", "monitor");
    store.recordEvidence(incident.id(), WINDOW, evidence());
    return store.recordDiagnosis(incident.id(), diagnosis());
  }

  /** A diagnosed incident with a pending rollback to v1 valid for an hour: AWAITING_APPROVAL. */
  static Proposal proposed(IncidentStore store) {
    Incident incident = diagnosed(store);
    return store.recordProposal(
        incident.id(),
        IncidentState.DIAGNOSED,
        rollback("v1"),
        "roll back to v1",
        IncidentStore.AGENT,
        Duration.ofHours(1));
  }

  static Approval approval(Proposal proposal, Instant at) {
    return new Approval(
        proposal.id(),
        proposal.actionHash(),
        Decision.APPROVED,
        "alice",
        at,
        at.plus(Duration.ofMinutes(30)),
        "go ahead");
  }

  /** A proposal approved by alice, its incident REMEDIATING. */
  static Proposal approved(IncidentStore store, Instant at) {
    Proposal proposal = proposed(store);
    return store.recordDecision(approval(proposal, at), IncidentState.REMEDIATING);
  }
}
