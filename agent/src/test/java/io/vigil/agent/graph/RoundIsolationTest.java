package io.vigil.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Evidence;
import io.vigil.tools.incident.EvidenceKind;
import io.vigil.tools.incident.EvidenceQuery;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.TimelineEventType;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * One incident whose node fails every time (here: one verifying with nothing executed) must not
 * stop the agent's rounds from advancing the others, or a single bad record would freeze every
 * incident after it for good.
 */
class RoundIsolationTest {

  @Test
  void incidentThatFailsEveryRound_doesNotStarveTheOthers() {
    try (Database database = TestStores.h2();
        TrafficFixture traffic = TrafficFixture.open(database)) {
      AgentFixture fixture = new AgentFixture(database, traffic);
      Incident broken = DiagnosedRelease.diagnosed(traffic, fixture.incidents);
      fixture.incidents.transition(
          broken.id(),
          IncidentState.DIAGNOSED,
          IncidentState.VERIFYING,
          TimelineEventType.EXECUTED,
          "mallory",
          "claims an execution that never happened");
      Incident healthy = nothingWrong(fixture, traffic);

      AgentRound round = fixture.agent.round();

      assertThat(fixture.incidents.require(healthy.id()).state()).isEqualTo(IncidentState.RESOLVED);
      assertThat(fixture.incidents.require(broken.id()).state()).isEqualTo(IncidentState.VERIFYING);
      assertThat(round.advanced())
          .extracting(Incident::id)
          .containsExactly(broken.id(), healthy.id());
    }
  }

  /** A second model's incident, diagnosed as nothing wrong: the act node resolves it. */
  private static Incident nothingWrong(AgentFixture fixture, TrafficFixture traffic) {
    traffic.classifier("churn", OptionalDouble.of(0.8), "v1");
    TimeRange window =
        new TimeRange(
            traffic.clock().instant().minus(Duration.ofHours(1)), traffic.clock().instant());
    Incident opened =
        fixture.incidents.open(
            "churn",
            new Trigger(SignalKind.ON_DEMAND, window, Double.NaN, Double.NaN, "asked"),
            "Diagnosis requested for churn",
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
                new EvidenceQuery("check_model_accuracy", Map.of("model", "churn")))));
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
