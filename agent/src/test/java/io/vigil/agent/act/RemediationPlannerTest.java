package io.vigil.agent.act;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.Diagnosis;
import io.vigil.tools.incident.Hypothesis;
import io.vigil.tools.incident.Incident;
import io.vigil.tools.incident.IncidentState;
import io.vigil.tools.incident.ReasonerKind;
import io.vigil.tools.incident.RootCause;
import io.vigil.tools.incident.SignalKind;
import io.vigil.tools.incident.Trigger;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.FeatureKind;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.Database;
import io.vigil.tools.testing.TestStores;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemediationPlannerTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final TimeRange WINDOW =
      new TimeRange(T0.plusSeconds(3_600), T0.plusSeconds(7_200));

  private Database database;
  private ModelRegistry registry;
  private RemediationPlanner planner;

  @BeforeEach
  void registerModel() {
    database = TestStores.h2();
    registry = new ModelRegistry(database, InstantSource.fixed(T0));
    registry.createModel(
        "fraud",
        ModelTask.CLASSIFICATION,
        "fraud model",
        Map.of(),
        OptionalDouble.of(0.85),
        Map.of("amount", FeatureKind.NUMERIC));
    registry.addVersion("fraud", "v1", Map.of());
    registry.addVersion("fraud", "v2", Map.of());
    registry.deploy("fraud", Map.of("v1", 1.0), T0, "ci", "first");
    registry.deploy("fraud", Map.of("v2", 1.0), T0.plusSeconds(1_800), "ci", "release v2");
    planner = new RemediationPlanner(registry, RemediationPolicy.defaults());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void badVersion_rollsBackToTheVersionItReplaced() {
    Plan plan = planner.plan(incident(), diagnosis(RootCause.BAD_MODEL_VERSION, "v2", 0.9), WINDOW);

    assertThat(plan.action().type()).isEqualTo(ActionType.ROLLBACK);
    assertThat(plan.action().arguments()).containsEntry("version", "v1");
    assertThat(plan.rationale()).contains("v2").contains("E1");
  }

  @Test
  void badVersion_withNothingBeforeIt_escalates() {
    Plan plan = planner.plan(incident(), diagnosis(RootCause.BAD_MODEL_VERSION, "v1", 0.9), WINDOW);

    assertThat(plan.action().type()).isEqualTo(ActionType.ESCALATE);
    assertThat(plan.rationale()).contains("no earlier version");
  }

  @Test
  void drift_retrainsOnTheInvestigatedWindow() {
    Plan covariate =
        planner.plan(incident(), diagnosis(RootCause.COVARIATE_DRIFT, "amount", 0.8), WINDOW);
    Plan concept = planner.plan(incident(), diagnosis(RootCause.CONCEPT_DRIFT, "", 0.8), WINDOW);

    assertThat(covariate.action().type()).isEqualTo(ActionType.RETRAIN);
    assertThat(covariate.action().arguments())
        .containsEntry("from", WINDOW.from().toString())
        .containsEntry("to", WINDOW.to().toString())
        .containsEntry("basis", "v2");
    assertThat(concept.action().type()).isEqualTo(ActionType.RETRAIN);
  }

  @Test
  void pipelineServingAndSliceFaults_goToAPerson() {
    for (RootCause cause :
        List.of(RootCause.DATA_QUALITY, RootCause.INFRASTRUCTURE, RootCause.SEGMENT_LOCAL)) {
      Plan plan = planner.plan(incident(), diagnosis(cause, "amount", 0.9), WINDOW);

      assertThat(plan.action().type()).as(cause.name()).isEqualTo(ActionType.ESCALATE);
      assertThat(plan.action().arguments()).containsEntry("category", cause.name());
    }
  }

  @Test
  void priorShift_recalibratesTheActiveVersion() {
    Plan plan = planner.plan(incident(), diagnosis(RootCause.PRIOR_SHIFT, "", 0.7), WINDOW);

    assertThat(plan.action().type()).isEqualTo(ActionType.RECALIBRATE);
    assertThat(plan.action().arguments()).containsEntry("version", "v2");
  }

  @Test
  void none_proposesNoAction() {
    Plan plan = planner.plan(incident(), diagnosis(RootCause.NONE, "", 0.9), WINDOW);

    assertThat(plan.action().type()).isEqualTo(ActionType.NO_ACTION);
  }

  @Test
  void anUnsureDiagnosis_escalatesWhateverItNames() {
    Plan plan = planner.plan(incident(), diagnosis(RootCause.BAD_MODEL_VERSION, "v2", 0.3), WINDOW);

    assertThat(plan.action().type()).isEqualTo(ActionType.ESCALATE);
    assertThat(plan.rationale()).contains("0.30").contains("0.50");
  }

  private static Incident incident() {
    Trigger trigger =
        new Trigger(SignalKind.ACCURACY_SLO, WINDOW, 0.6, 0.85, "accuracy 0.60 below 0.85");
    return new Incident("inc-1", "fraud", IncidentState.DIAGNOSED, trigger, T0, T0, "fraud");
  }

  private static Diagnosis diagnosis(RootCause cause, String culprit, double confidence) {
    return new Diagnosis(
        List.of(new Hypothesis(1, cause, culprit, confidence, List.of("E1"), "because E1")),
        List.of(),
        ReasonerKind.DETERMINISTIC,
        Optional.empty(),
        "summary");
  }
}
