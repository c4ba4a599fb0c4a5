package io.vigil.agent.graph;

import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An incident diagnosed as nothing wrong, without traffic: the act node resolves it. */
final class NothingWrong {

  private NothingWrong() {}

  /** An incident on {@code model}, diagnosed as nothing wrong: the act node resolves it. */
  static Incident diagnosed(AgentFixture fixture, TrafficFixture traffic, String model) {
    TimeRange window =
        new TimeRange(
            traffic.clock().instant().minus(Duration.ofHours(1)), traffic.clock().instant());
    Incident opened =
        fixture.incidents.open(
            model,
            new Trigger(SignalKind.ON_DEMAND, window, Double.NaN, Double.NaN, "asked"),
            "Diagnosis requested for " + model,
            "alice");
    fixture.incidents.recordEvidence(
        opened.id(),
        window,
        List.of(
            new Evidence(
                "E1",
                EvidenceKind.ACCURACY,
                "",
                "accuracy as before",
                Map.of("accuracy", 0.9),
                new EvidenceQuery("check_model_accuracy", Map.of("model", model)))));
    return fixture.incidents.recordDiagnosis(
        opened.id(),
        new Diagnosis(
            List.of(new Hypothesis(1, RootCause.NONE, "", 0.9, List.of("E1"), "nothing wrong")),
            List.of(),
            ReasonerKind.DETERMINISTIC,
            Optional.empty(),
            "Nothing beyond noise"));
  }
}
