package io.vigil.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulation.fault.FaultContext;
import io.vigil.simulation.fault.FaultKind;
import io.vigil.simulation.fault.FaultSpec;
import io.vigil.simulation.fault.Faults;
import io.vigil.simulation.model.Evaluation;
import io.vigil.simulation.model.Example;
import io.vigil.simulation.model.LogisticModel;
import io.vigil.simulation.model.LogisticRegressionTrainer;
import io.vigil.simulation.model.TrainingOptions;
import io.vigil.simulation.world.RowTransform;
import io.vigil.simulation.world.World;
import io.vigil.simulation.world.WorldSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The shipped credit world is one a model learns well, and the shipped scenarios' magnitudes move
 * it enough: the faults that change rows (the population, the label rule or the inputs) are made by
 * the standard injectors, the model trained on healthy rows is scored on rows drawn after every
 * fault reached full strength, and the result is compared with the scenario's accuracy target.
 */
class CreditWorldTest {

  private static final Instant RUN_START = Instant.parse("2026-11-01T06:00:00Z");
  private static final long SEED = 2026;

  /** Fewer rows than a shipped warm-up gives (6h at 40 requests a minute is 14,400). */
  private static final int TRAINING_ROWS = 6_000;

  private static final int HELD_OUT_ROWS = 6_000;

  /** Comfortably below the target, so per-window noise does not hide the breach. */
  private static final double MARGIN = 0.02;

  private static final WorldSpec CREDIT = Worlds.named("credit");
  private static final World HEALTHY = new World(CREDIT, SEED);
  private static final LogisticModel MODEL =
      new LogisticRegressionTrainer(TrainingOptions.defaults(SEED))
          .train(rows(HEALTHY, RUN_START, 0, TRAINING_ROWS), "default", "repaid");

  @Test
  void trainedModel_reachesTheStatedAccuracyOnHeldOutRows() {
    double accuracy = accuracyAtTheEnd(Scenarios.named("healthy"));

    assertThat(accuracy).isBetween(0.88, 0.92);
  }

  @Test
  void trainedModel_findsIncomeTheMostImportantAndSessionCountUnimportant() {
    assertThat(MODEL.mostImportantTerm()).isEqualTo("income");
    assertThat(Math.abs(MODEL.coefficients().get("session_count"))).isLessThan(0.15);
  }

  @Test
  void breachingScenarios_pushAccuracyBelowTheirTarget() {
    for (String name :
        List.of(
            "covariate-shift-sudden",
            "slow-burn-drift",
            "red-herring-beside-covariate-shift",
            "concept-drift-sudden",
            "concept-drift-gradual",
            "prior-shift",
            "segment-shift",
            "unit-change")) {
      Scenario scenario = Scenarios.named(name);

      double accuracy = accuracyAtTheEnd(scenario);

      assertThat(accuracy).as(name).isLessThan(scenario.traffic().accuracyTarget() - MARGIN);
    }
  }

  @Test
  void harmlessDrifts_keepAccuracyAboveTheTarget() {
    for (String name : List.of("red-herring", "bad-version-during-drift")) {
      Scenario scenario = Scenarios.named(name);

      double accuracy = accuracyAtTheEnd(scenario);

      assertThat(accuracy).as(name).isGreaterThan(scenario.traffic().accuracyTarget() + MARGIN);
    }
  }

  /**
   * The model's accuracy on rows drawn in the run's last hour, with the scenario's row faults (its
   * serving faults, a bad version among them, are left out: they act on answers, not rows).
   */
  private static double accuracyAtTheEnd(Scenario scenario) {
    FaultContext context = new FaultContext(HEALTHY, RUN_START, MODEL, "v2");
    RowTransform faults =
        RowTransform.chain(
            scenario.faults().stream()
                .filter(f -> f.kind() != FaultKind.BAD_VERSION)
                .map((FaultSpec f) -> Faults.standard().make(f, context).rows())
                .toList());
    Instant late = RUN_START.plus(scenario.traffic().duration()).minus(Duration.ofHours(1));
    List<Example> heldOut =
        rows(HEALTHY.withTransform(faults), late, TRAINING_ROWS, TRAINING_ROWS + HELD_OUT_ROWS);
    return Evaluation.of(MODEL, heldOut).accuracy();
  }

  private static List<Example> rows(World world, Instant at, long from, long to) {
    return LongStream.range(from, to)
        .mapToObj(i -> world.row(i, at))
        .map(row -> new Example(row.inputs(), row.label()))
        .toList();
  }
}
