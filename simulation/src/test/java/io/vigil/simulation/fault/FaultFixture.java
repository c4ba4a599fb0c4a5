package io.vigil.simulation.fault;

import io.vigil.simulation.model.Breakage;
import io.vigil.simulation.model.Example;
import io.vigil.simulation.model.LogisticModel;
import io.vigil.simulation.model.LogisticRegressionTrainer;
import io.vigil.simulation.model.TrainingOptions;
import io.vigil.simulation.world.Row;
import io.vigil.simulation.world.SampleWorld;
import io.vigil.simulation.world.World;
import io.vigil.tools.ingest.FeatureValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.LongStream;

/**
 * The world, run and serving model the fault tests share: the sample fraud world, a run starting at
 * midnight, faults arriving an hour in, and a logistic model trained on the healthy world.
 */
final class FaultFixture {

  static final long SEED = 2026;
  static final Instant RUN_START = Instant.parse("2026-11-01T00:00:00Z");
  static final Duration ONSET = Duration.ofHours(1);
  static final Duration RAMP = Duration.ofHours(2);

  /** Before any onset. */
  static final Instant BEFORE = RUN_START.plus(Duration.ofMinutes(30));

  /** After the onset, and after any ramp has finished. */
  static final Instant AFTER = RUN_START.plus(ONSET).plus(RAMP).plus(Duration.ofMinutes(30));

  /** Halfway up a ramp. */
  static final Instant HALFWAY = RUN_START.plus(ONSET).plus(RAMP.dividedBy(2));

  static final int ROWS = 4_000;

  static final World WORLD = new World(SampleWorld.fraud(), SEED);
  static final LogisticModel SERVING = train();
  static final FaultContext CONTEXT = new FaultContext(WORLD, RUN_START, SERVING, "v2");

  private FaultFixture() {}

  /** A sudden fault an hour in. */
  static FaultSpec sudden(FaultKind kind, double magnitude, double share, String feature) {
    return new FaultSpec(
        kind,
        ONSET,
        Shape.SUDDEN,
        Duration.ZERO,
        magnitude,
        share,
        Optional.ofNullable(feature),
        Optional.empty(),
        Optional.empty());
  }

  /** A fault ramping up over {@link #RAMP} from an hour in. */
  static FaultSpec ramp(FaultKind kind, double magnitude, double share, String feature) {
    return new FaultSpec(
        kind,
        ONSET,
        Shape.RAMP,
        RAMP,
        magnitude,
        share,
        Optional.ofNullable(feature),
        Optional.empty(),
        Optional.empty());
  }

  /** A sudden fault an hour in, with every target spelled out. */
  static FaultSpec sudden(
      FaultKind kind,
      double magnitude,
      double share,
      Optional<String> feature,
      Optional<String> segment,
      Optional<Breakage> breakage) {
    return new FaultSpec(
        kind, ONSET, Shape.SUDDEN, Duration.ZERO, magnitude, share, feature, segment, breakage);
  }

  /** {@code spec}'s fault made by the standard factory. */
  static Fault make(FaultSpec spec) {
    return Faults.standard().make(spec, CONTEXT);
  }

  /** The world changed by {@code fault}'s row transform. */
  static World faulted(Fault fault) {
    return WORLD.withTransform(fault.rows());
  }

  /** {@link #ROWS} rows of {@code world} at {@code at}, with indices from {@code firstIndex}. */
  static List<Row> rows(World world, Instant at, long firstIndex) {
    return LongStream.range(firstIndex, firstIndex + ROWS).mapToObj(i -> world.row(i, at)).toList();
  }

  static double share(List<Row> rows, Predicate<Row> test) {
    return rows.stream().filter(test).count() / (double) rows.size();
  }

  static double mean(List<Row> rows, String feature, Source source) {
    return rows.stream()
        .map(source::of)
        .mapToDouble(features -> ((FeatureValue.Numeric) features.get(feature)).value())
        .average()
        .orElseThrow();
  }

  /** The log-odds the label rule gave a row. */
  static double logit(Row row) {
    double p = row.positiveProbability();
    return Math.log(p / (1 - p));
  }

  /** The share of rows whose label the serving model predicts. */
  static double accuracy(List<Row> rows) {
    return share(rows, r -> SERVING.predict(r.inputs()).predictedClass().equals(r.label()));
  }

  /** Which of a row's feature maps to read. */
  enum Source {
    POPULATION,
    INPUTS;

    java.util.Map<String, FeatureValue> of(Row row) {
      return this == POPULATION ? row.population() : row.inputs();
    }
  }

  private static LogisticModel train() {
    List<Example> examples =
        rows(WORLD, RUN_START.minus(Duration.ofDays(1)), 1_000_000).stream()
            .map(r -> new Example(r.inputs(), r.label()))
            .toList();
    return new LogisticRegressionTrainer(TrainingOptions.defaults(1))
        .train(examples, "fraud", "ok");
  }
}
