package io.vigil.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulation.fault.FaultKind;
import io.vigil.simulation.fault.FaultSpec;
import io.vigil.simulation.model.Evaluation;
import io.vigil.simulation.model.Example;
import io.vigil.simulation.model.LogisticModel;
import io.vigil.simulation.model.LogisticRegressionTrainer;
import io.vigil.simulation.model.TrainingOptions;
import io.vigil.simulation.world.Draw;
import io.vigil.simulation.world.NumericFeature;
import io.vigil.simulation.world.RowTransform;
import io.vigil.simulation.world.World;
import io.vigil.simulation.world.WorldSpec;
import io.vigil.tools.ingest.FeatureValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The shipped credit world is one a model learns well, and the shipped scenarios' magnitudes move
 * it enough: each fault whose kind changes the world itself (the population or the label rule) is
 * applied here as {@link FaultKind} defines it, at full strength, and the model trained on healthy
 * rows is scored on the changed world.
 */
class CreditWorldTest {

  private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
  private static final long SEED = 2026;

  /** Fewer rows than a shipped warm-up gives (6h at 40 requests a minute is 14,400). */
  private static final int TRAINING_ROWS = 6_000;

  private static final int HELD_OUT_ROWS = 6_000;
  private static final WorldSpec CREDIT = Worlds.named("credit");
  private static final LogisticModel MODEL =
      new LogisticRegressionTrainer(TrainingOptions.defaults(SEED))
          .train(rows(RowTransform.IDENTITY, 0, TRAINING_ROWS), "default", "repaid");

  @Test
  void trainedModel_reachesTheStatedAccuracyOnHeldOutRows() {
    double accuracy = accuracyOn(RowTransform.IDENTITY);

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
            "concept-drift-sudden",
            "concept-drift-gradual",
            "prior-shift",
            "segment-shift")) {
      Scenario scenario = Scenarios.named(name);

      double accuracy = accuracyOn(changed(scenario.faults()));

      assertThat(accuracy).as(name).isLessThan(scenario.traffic().accuracyTarget() - 0.02);
    }
  }

  @Test
  void harmlessDrifts_keepAccuracyAboveTheTarget() {
    for (String name : List.of("red-herring", "bad-version-during-drift")) {
      Scenario scenario = Scenarios.named(name);
      List<FaultSpec> drifts =
          scenario.faults().stream().filter(f -> f.kind() == FaultKind.COVARIATE_SHIFT).toList();

      double accuracy = accuracyOn(changed(drifts));

      assertThat(accuracy).as(name).isGreaterThan(scenario.traffic().accuracyTarget() + 0.02);
    }
  }

  private static double accuracyOn(RowTransform faults) {
    return Evaluation.of(MODEL, rows(faults, TRAINING_ROWS, TRAINING_ROWS + HELD_OUT_ROWS))
        .accuracy();
  }

  /**
   * {@code faults} at full strength, as {@link FaultKind} defines them, for the kinds that change
   * the world itself; the injectors proper are the fault package's.
   */
  private static RowTransform changed(List<FaultSpec> faults) {
    return RowTransform.chain(faults.stream().map(CreditWorldTest::changed).toList());
  }

  private static RowTransform changed(FaultSpec fault) {
    double m = fault.magnitude();
    NumericFeature feature = fault.feature().flatMap(CREDIT::numericFeature).orElse(null);
    return switch (fault.kind()) {
      case COVARIATE_SHIFT ->
          new RowTransform() {
            @Override
            public Draw population(Draw draw, SplittableRandom random) {
              Map<String, FeatureValue> features = new LinkedHashMap<>(draw.features());
              double value = ((FeatureValue.Numeric) features.get(feature.name())).value();
              features.put(feature.name(), new FeatureValue.Numeric(value + m * feature.sd()));
              return draw.withFeatures(features);
            }
          };
      case CONCEPT_DRIFT, SEGMENT_SHIFT ->
          new RowTransform() {
            @Override
            public double logOdds(Draw draw, double logOdds, SplittableRandom random) {
              if (fault.segment().isPresent() && !fault.segment().get().equals(slice(draw))) {
                return logOdds;
              }
              double value = ((FeatureValue.Numeric) draw.features().get(feature.name())).value();
              // The weight becomes weight × (1 − 2m): the log-odds move by −2m × weight × z.
              return logOdds - 2 * m * feature.weight() * feature.standardise(value);
            }
          };
      case PRIOR_SHIFT ->
          new RowTransform() {
            @Override
            public double logOdds(Draw draw, double logOdds, SplittableRandom random) {
              return logOdds + m;
            }
          };
      default ->
          throw new IllegalArgumentException("not a change of the world itself: " + fault.kind());
    };
  }

  private static String slice(Draw draw) {
    Map.Entry<String, String> segment = draw.segment().entrySet().iterator().next();
    return segment.getKey() + "=" + segment.getValue();
  }

  private static List<Example> rows(RowTransform faults, long from, long to) {
    World run = new World(CREDIT, SEED, faults);
    return LongStream.range(from, to)
        .mapToObj(i -> run.row(i, AT))
        .map(row -> new Example(row.inputs(), row.label()))
        .toList();
  }
}
