package io.vigil.agent.graph;

import io.vigil.agent.monitor.Monitor;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentStore;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A bad release already diagnosed, without traffic: {@code fraud} has versions v1, v2 and v3; v1
 * served from the start, v2 from {@link #RELEASE}; an incident is recorded as investigated and
 * diagnosed as a bad version v2. Advancing it runs the real act node, which proposes rolling back
 * to v1. For tests of what happens after the diagnosis (approval, execution) that need no traffic.
 */
final class DiagnosedRelease {

  static final String MODEL = "fraud";
  static final Instant RELEASE = Instant.parse("2026-11-01T06:00:00Z");
  static final Instant NOW = RELEASE.plus(Duration.ofHours(1));

  private DiagnosedRelease() {}

  /** Registers the model and its deployments, sets the clock to {@link #NOW}, and diagnoses. */
  static Incident diagnosed(TrafficFixture traffic, IncidentStore incidents) {
    return diagnosed(traffic, incidents, "ci");
  }

  /** Like {@link #diagnosed(TrafficFixture, IncidentStore)}, v2 deployed by {@code releasedBy}. */
  static Incident diagnosed(TrafficFixture traffic, IncidentStore incidents, String releasedBy) {
    traffic.classifier(MODEL, OptionalDouble.of(0.85), "v1", "v2", "v3");
    traffic.registry().deploy(MODEL, Map.of("v2", 1.0), RELEASE, releasedBy, "release v2");
    traffic.setClock(NOW);
    TimeRange window = new TimeRange(RELEASE, NOW);
    Incident opened =
        incidents.open(
            MODEL,
            new Trigger(
                SignalKind.ACCURACY_SLO,
                window,
                0.6,
                0.85,
                "realized accuracy 0.600 is below the 0.850 target"),
            MODEL + ": accuracy below its SLO",
            Monitor.ACTOR);
    Evidence comparison =
        new Evidence(
            "E1",
            EvidenceKind.VERSION_COMPARISON,
            "v2",
            "v2 is less accurate than v1, which it replaced",
            Map.of("accuracy", 0.6, "reference_accuracy", 0.93),
            new EvidenceQuery("compare_versions", Map.of("model", MODEL)));
    incidents.recordEvidence(opened.id(), window, List.of(comparison));
    Hypothesis badVersion =
        new Hypothesis(
            1,
            RootCause.BAD_MODEL_VERSION,
            "v2",
            0.9,
            List.of("E1"),
            "the drop starts with v2's release and v2 is less accurate than v1");
    return incidents.recordDiagnosis(
        opened.id(),
        new Diagnosis(
            List.of(badVersion),
            List.of(),
            ReasonerKind.DETERMINISTIC,
            Optional.empty(),
            "Most likely BAD_MODEL_VERSION (culprit \"v2\")"));
  }
}
