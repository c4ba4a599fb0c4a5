package io.vigil.simulation.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.agent.execute.ExecutionContext;
import io.vigil.agent.execute.ExecutionResult;
import io.vigil.simulation.model.Evaluation;
import io.vigil.simulation.serving.ProgressListener;
import io.vigil.simulation.serving.ServingSettings;
import io.vigil.simulation.serving.SimulatedRun;
import io.vigil.simulation.world.Draw;
import io.vigil.simulation.world.RowTransform;
import io.vigil.simulation.world.SampleWorld;
import io.vigil.tools.incident.ActionType;
import io.vigil.tools.incident.RemediationAction;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.testing.TestStores;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetrainExecutorTest {

  private static final ServingSettings SETTINGS =
      ServingSettings.defaults("fraud", 42)
          .withRequestsPerMinute(20)
          .withLabelDelay(Duration.ofMinutes(10));
  private static final Instant ONSET = SimulatedRun.START.plus(Duration.ofHours(1));
  private static final ExecutionContext CONTEXT = new ExecutionContext("inc-1", "prop-1", "alice");

  @Test
  void execute_afterConceptDrift_deploysABetterVersionThatRecovers() {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS, new AmountReverses())) {
      run.loop.run(Duration.ofHours(4), ProgressListener.NONE);
      RetrainExecutor executor = executor(run);

      ExecutionResult result =
          executor.execute(retrain(ONSET, run.clock.instant()), "k-1", CONTEXT);

      assertThat(result.succeeded()).as(result.detail()).isTrue();
      assertThat(result.detail())
          .contains("labelled requests served in [2026-11-01T01:00:00Z, 2026-11-01T04:00:00Z)")
          .contains("against v1's")
          .contains("registered v3 and routed all traffic to it");
      var snapshot = run.registry.snapshot();
      assertThat(snapshot.activeVersion("fraud")).hasValue("v3");
      assertThat(snapshot.requireVersion("fraud", "v3").metadata())
          .containsEntry(RetrainExecutor.KEY_METADATA, "k-1")
          .containsKeys("retrain_candidate_accuracy", "retrain_serving_accuracy");
      Instant after = run.clock.instant();
      run.loop.run(Duration.ofHours(1), ProgressListener.NONE);
      var served =
          run.loop.history().labelledBetween(after, run.clock.instant(), run.clock.instant());
      assertThat(served).allSatisfy(r -> assertThat(r.version()).isEqualTo("v3"));
      var recovered =
          Evaluation.of(
              run.loop.model("v3").orElseThrow(), served.stream().map(r -> r.example()).toList());
      assertThat(recovered.accuracy()).isGreaterThan(0.8);
    }
  }

  @Test
  void evaluate_afterConceptDrift_scoresTheCandidateAboveTheServingVersion() {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS, new AmountReverses())) {
      run.loop.run(Duration.ofHours(4), ProgressListener.NONE);

      RetrainEvaluation evaluation =
          executor(run).evaluate(ONSET, run.clock.instant()).evaluation();

      assertThat(evaluation.verdict()).isEqualTo(Verdict.PROMOTE);
      assertThat(evaluation.servingVersion()).isEqualTo("v1");
      assertThat(evaluation.trainedOn() + evaluation.candidate().examples()).isEqualTo(3_401);
      assertThat(evaluation.candidate().accuracy())
          .isGreaterThan(evaluation.serving().accuracy() + 0.2);
    }
  }

  @Test
  void execute_healthyWorld_keepsTheServingVersionAndDeploysNothing() {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS)) {
      run.loop.run(Duration.ofHours(4), ProgressListener.NONE);

      ExecutionResult result =
          executor(run).execute(retrain(ONSET, run.clock.instant()), "k-2", CONTEXT);

      assertThat(result.succeeded()).isFalse();
      assertThat(result.detail()).contains("nothing was deployed and v1 keeps serving");
      assertThat(run.registry.snapshot().versions("fraud")).hasSize(2);
      assertThat(run.registry.snapshot().deployments("fraud")).hasSize(1);
    }
  }

  @Test
  void execute_sameKeyTwice_trainsAndDeploysOnce() {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS, new AmountReverses())) {
      run.loop.run(Duration.ofHours(4), ProgressListener.NONE);
      RetrainExecutor executor = executor(run);
      RemediationAction action = retrain(ONSET, run.clock.instant());
      executor.execute(action, "k-3", CONTEXT);

      ExecutionResult again = executor.execute(action, "k-3", CONTEXT);

      assertThat(again.succeeded()).isTrue();
      assertThat(again.detail()).startsWith("already retrained and deployed under key k-3");
      assertThat(run.registry.snapshot().versions("fraud")).hasSize(3);
      assertThat(run.registry.snapshot().deployments("fraud")).hasSize(2);
    }
  }

  @Test
  void execute_windowWithTooFewLabels_failsSayingHowMany() {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS)) {
      run.loop.run(Duration.ofMinutes(30), ProgressListener.NONE);

      ExecutionResult result =
          executor(run)
              .execute(
                  retrain(SimulatedRun.START, SimulatedRun.START.plusSeconds(300)), "k-4", CONTEXT);

      assertThat(result.succeeded()).isFalse();
      assertThat(result.detail()).contains("holds 100 labelled requests; a retrain needs 200");
    }
  }

  @Test
  void execute_otherModelOrBadArguments_failsWithoutChangingAnything() {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS)) {
      RetrainExecutor executor = executor(run);

      ExecutionResult otherModel =
          executor.execute(
              new RemediationAction(ActionType.RETRAIN, "churn", Map.of()), "k-5", CONTEXT);
      ExecutionResult badFrom =
          executor.execute(
              new RemediationAction(
                  ActionType.RETRAIN, "fraud", Map.of("from", "yesterday", "to", "now")),
              "k-6",
              CONTEXT);

      assertThat(otherModel.detail()).contains("serves model 'fraud', not 'churn'");
      assertThat(badFrom.detail()).contains("argument 'from' must be an ISO instant");
      assertThat(run.registry.snapshot().versions("fraud")).hasSize(2);
    }
  }

  @Test
  void execute_rollback_isNotItsToCarryOut() {
    try (SimulatedRun run = new SimulatedRun(TestStores.h2(), SETTINGS)) {
      RemediationAction rollback =
          new RemediationAction(ActionType.ROLLBACK, "fraud", Map.of("version", "v1"));

      assertThatThrownBy(() -> executor(run).execute(rollback, "k-7", CONTEXT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("carries out retrain, not rollback");
    }
  }

  private static RetrainExecutor executor(SimulatedRun run) {
    return new RetrainExecutor(run.loop, run.clock, RetrainSettings.defaults(7));
  }

  private static RemediationAction retrain(Instant from, Instant to) {
    return new RemediationAction(
        ActionType.RETRAIN,
        "fraud",
        Map.of("from", from.toString(), "to", to.toString(), "basis", "v1"));
  }

  /**
   * Concept drift from {@link #ONSET}: {@code amount} now lowers the odds as much as it raised
   * them.
   */
  private static final class AmountReverses implements RowTransform {
    private final double weight =
        SampleWorld.fraud().numericFeature("amount").orElseThrow().weight();

    @Override
    public double logOdds(Draw draw, double logOdds, SplittableRandom random) {
      if (draw.at().isBefore(ONSET)) {
        return logOdds;
      }
      double amount = ((FeatureValue.Numeric) draw.features().get("amount")).value();
      double z = SampleWorld.fraud().numericFeature("amount").orElseThrow().standardise(amount);
      return logOdds - 2 * weight * z;
    }
  }
}
