package io.vigil.server.cli;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.Proposal;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.RuledOut;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Incidents for the CLI tests, recorded through the store's API as the agent records them: a model
 * whose v2 replaced v1, an incident opened on its accuracy, two evidence items, a ranked diagnosis
 * and a rollback to v1 awaiting approval.
 */
final class IncidentSeeds {

  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  static final TimeRange WINDOW = new TimeRange(START, START.plus(Duration.ofHours(6)));

  private static final AtomicInteger MODELS = new AtomicInteger();

  private final IncidentStore incidents;
  private final ModelRegistry registry;

  IncidentSeeds(IncidentStore incidents, ModelRegistry registry) {
    this.incidents = incidents;
    this.registry = registry;
  }

  /** A name no other seed uses. */
  static String uniqueName(String prefix) {
    return prefix + MODELS.incrementAndGet();
  }

  /** A fresh model with v1 then v2 deployed, and an incident diagnosed as v2's fault. */
  Proposal awaitingApproval() {
    return awaitingApproval(newModel());
  }

  /** An incident of {@code model} diagnosed as v2's fault, with a rollback to v1 proposed. */
  Proposal awaitingApproval(String model) {
    String id = open(model).id();
    List<Evidence> evidence =
        List.of(
            new Evidence(
                "E1",
                EvidenceKind.ACCURACY,
                "v2",
                "accuracy fell to 0.61 after v2 went live",
                Map.of("accuracy", 0.61, "labelled", 720.0),
                new EvidenceQuery("get_model_accuracy", Map.of("model", model))),
            new Evidence(
                "E2",
                EvidenceKind.FEATURE_DRIFT,
                "amount",
                "no feature drifted",
                Map.of("psi", 0.01),
                new EvidenceQuery("detect_data_drift", Map.of("model", model))));
    incidents.recordEvidence(id, WINDOW, evidence);
    incidents.recordDiagnosis(
        id,
        new Diagnosis(
            List.of(
                new Hypothesis(
                    1,
                    RootCause.BAD_MODEL_VERSION,
                    "v2",
                    0.82,
                    List.of("E1", "E2"),
                    "accuracy fell when v2 went live and no input changed"),
                new Hypothesis(
                    2, RootCause.COVARIATE_DRIFT, "amount", 0.1, List.of("E2"), "inputs steady")),
            List.of(new RuledOut(RootCause.DATA_QUALITY, "no missing values", List.of("E2"))),
            ReasonerKind.DETERMINISTIC,
            Optional.empty(),
            "v2 is the likely cause"));
    return incidents.recordProposal(
        id,
        IncidentState.DIAGNOSED,
        new RemediationAction(ActionType.ROLLBACK, model, Map.of("version", "v1")),
        "v2 lost 24 points of accuracy; v1 held 0.93",
        IncidentStore.AGENT,
        Duration.ofDays(1));
  }

  Incident open(String model) {
    Trigger trigger =
        new Trigger(
            SignalKind.ACCURACY_SLO, WINDOW, 0.61, 0.85, "accuracy 0.61 below the 0.85 target");
    return incidents.open(model, trigger, "accuracy 0.61 below the 0.85 target", "vigil-agent");
  }

  String newModel() {
    String model = uniqueName("model");
    registry.createModel(model, ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.of(0.85));
    registry.addVersion(model, "v1", Map.of());
    registry.addVersion(model, "v2", Map.of());
    registry.deploy(model, Map.of("v1", 1.0), START, "ci", "");
    registry.deploy(model, Map.of("v2", 1.0), START.plus(Duration.ofHours(3)), "ci", "");
    return model;
  }
}
