package io.vigil.tools.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@link TrafficFixture#write} generates: {@code records} requests of one version, evenly
 * spaced from {@code start}, with seeded random features, predictions, confidences, latencies,
 * failures, embeddings and labels. Immutable; each {@code with...} returns a changed copy.
 *
 * <p>Classifiers predict {@code "yes"} or {@code "no"}. With {@link Correctness#FIXED} a prediction
 * is right with probability {@code accuracy} and its confidence is uniform on [0.5, 1], unrelated
 * to correctness; with {@link Correctness#CALIBRATED} the confidence {@code c} is uniform on
 * [{@code confidenceFloor}, 1] and the prediction is right with probability {@code c}, so the
 * confidence is perfectly calibrated. Regressors predict around 100 and their label differs by a
 * normal error of standard deviation {@code regressionErrorSd}.
 *
 * @param model the registered model
 * @param version the registered version
 * @param start the first record's timestamp
 * @param spacing the time between consecutive records
 * @param records how many records
 * @param seed the random seed: the same traffic gives the same records
 * @param numeric numeric feature name to its distribution
 * @param categorical categorical feature name to category weights
 * @param correctness how predictions relate to labels
 * @param accuracy the chance a prediction is right, under {@link Correctness#FIXED}
 * @param confidenceFloor the lowest confidence, under {@link Correctness#CALIBRATED}
 * @param yesShare the share of predictions that are {@code "yes"}
 * @param regressionErrorSd the label noise of a regressor
 * @param labelShare the share of records labelled (only those before {@code labelsUntil})
 * @param labelsUntil records at or after this time are never labelled
 * @param labelDelay how long after its record a label arrives
 * @param latencyMs the mean latency (exponentially distributed above a floor of half of it)
 * @param failureRate the share of records that fail with error type {@code "timeout"}
 * @param embedding the embedding dimension and the shift of its mean, if records carry one
 */
public record Traffic(
    String model,
    String version,
    Instant start,
    Duration spacing,
    int records,
    long seed,
    Map<String, Numeric> numeric,
    Map<String, Map<String, Double>> categorical,
    Correctness correctness,
    double accuracy,
    double confidenceFloor,
    double yesShare,
    double regressionErrorSd,
    double labelShare,
    Optional<Instant> labelsUntil,
    Duration labelDelay,
    double latencyMs,
    double failureRate,
    Optional<EmbeddingShape> embedding) {

  /** How a prediction's correctness relates to its confidence. */
  public enum Correctness {
    FIXED,
    CALIBRATED
  }

  /**
   * A normal feature whose mean may move linearly with time.
   *
   * @param mean the mean at {@code start}
   * @param sd the standard deviation
   * @param meanChangePerHour how much the mean moves per hour after {@code rampFrom}
   * @param rampFrom when the mean starts to move
   */
  public record Numeric(double mean, double sd, double meanChangePerHour, Instant rampFrom) {

    public Numeric {
      Objects.requireNonNull(rampFrom, "rampFrom");
    }

    double meanAt(Instant at) {
      if (at.isBefore(rampFrom)) {
        return mean;
      }
      double hours = Duration.between(rampFrom, at).toMillis() / 3_600_000.0;
      return mean + meanChangePerHour * hours;
    }
  }

  /** Embeddings of {@code dimension} entries, each normal with mean {@code 1 + shift} and SD 1. */
  public record EmbeddingShape(int dimension, double shift) {}

  public Traffic {
    // Sorted, so that features draw from the random source in the same order on every run.
    numeric = Collections.unmodifiableMap(new TreeMap<>(numeric));
    categorical = Collections.unmodifiableMap(new TreeMap<>(categorical));
    if (records < 1) {
      throw new IllegalArgumentException("records must be >= 1, was " + records);
    }
  }

  /**
   * One record a minute from {@code start}, a numeric feature {@code amount ~ N(100, 20)} and a
   * categorical {@code city} (paris 0.5, rome 0.3, oslo 0.2), fixed accuracy 0.9, every record
   * labelled a minute later, 50 ms mean latency, no failures, no embeddings.
   */
  public static Traffic of(String model, String version, Instant start, int records) {
    Map<String, Map<String, Double>> cities = new LinkedHashMap<>();
    cities.put("city", Map.of("paris", 0.5, "rome", 0.3, "oslo", 0.2));
    return new Traffic(
        model,
        version,
        start,
        Duration.ofMinutes(1),
        records,
        1L,
        Map.of("amount", new Numeric(100, 20, 0, start)),
        cities,
        Correctness.FIXED,
        0.9,
        0.5,
        0.5,
        1.0,
        1.0,
        Optional.empty(),
        Duration.ofMinutes(1),
        50,
        0,
        Optional.empty());
  }

  /** The time just after the last record. */
  public Instant end() {
    return start.plus(spacing.multipliedBy(records));
  }

  /** The same traffic from {@code newStart}; feature ramps keep their offset from the start. */
  public Traffic withStart(Instant newStart) {
    Duration shift = Duration.between(start, newStart);
    return copy(
        b -> {
          b.start = newStart;
          b.numeric.replaceAll(
              (name, shape) ->
                  new Numeric(
                      shape.mean(),
                      shape.sd(),
                      shape.meanChangePerHour(),
                      shape.rampFrom().plus(shift)));
        });
  }

  public Traffic withSeed(long newSeed) {
    return copy(b -> b.seed = newSeed);
  }

  public Traffic withSpacing(Duration newSpacing) {
    return copy(b -> b.spacing = newSpacing);
  }

  public Traffic withNumeric(String feature, double mean, double sd) {
    return copy(b -> b.numeric.put(feature, new Numeric(mean, sd, 0, start)));
  }

  /** The feature's mean moves by {@code perHour} every hour from {@code from} on. */
  public Traffic withRamp(String feature, double perHour, Instant from) {
    Numeric current = numeric.get(feature);
    return copy(
        b -> b.numeric.put(feature, new Numeric(current.mean(), current.sd(), perHour, from)));
  }

  public Traffic withCategorical(String feature, Map<String, Double> weights) {
    return copy(b -> b.categorical.put(feature, Map.copyOf(weights)));
  }

  public Traffic withAccuracy(double newAccuracy) {
    return copy(
        b -> {
          b.correctness = Correctness.FIXED;
          b.accuracy = newAccuracy;
        });
  }

  public Traffic withCalibratedConfidence(double floor) {
    return copy(
        b -> {
          b.correctness = Correctness.CALIBRATED;
          b.confidenceFloor = floor;
        });
  }

  public Traffic withYesShare(double share) {
    return copy(b -> b.yesShare = share);
  }

  public Traffic withRegressionErrorSd(double sd) {
    return copy(b -> b.regressionErrorSd = sd);
  }

  public Traffic withLabels(double share, Optional<Instant> until) {
    return copy(
        b -> {
          b.labelShare = share;
          b.labelsUntil = until;
        });
  }

  public Traffic withLatency(double meanMs) {
    return copy(b -> b.latencyMs = meanMs);
  }

  public Traffic withFailureRate(double rate) {
    return copy(b -> b.failureRate = rate);
  }

  public Traffic withEmbedding(int dimension, double shift) {
    return copy(b -> b.embedding = Optional.of(new EmbeddingShape(dimension, shift)));
  }

  private Traffic copy(java.util.function.Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return builder.build();
  }

  /** Mutable fields for the copies. */
  private static final class Builder {
    private final String model;
    private final String version;
    private Instant start;
    private Duration spacing;
    private final int records;
    private long seed;
    private final Map<String, Numeric> numeric;
    private final Map<String, Map<String, Double>> categorical;
    private Correctness correctness;
    private double accuracy;
    private double confidenceFloor;
    private double yesShare;
    private double regressionErrorSd;
    private double labelShare;
    private Optional<Instant> labelsUntil;
    private final Duration labelDelay;
    private double latencyMs;
    private double failureRate;
    private Optional<EmbeddingShape> embedding;

    Builder(Traffic t) {
      model = t.model;
      version = t.version;
      start = t.start;
      spacing = t.spacing;
      records = t.records;
      seed = t.seed;
      numeric = new LinkedHashMap<>(t.numeric);
      categorical = new LinkedHashMap<>(t.categorical);
      correctness = t.correctness;
      accuracy = t.accuracy;
      confidenceFloor = t.confidenceFloor;
      yesShare = t.yesShare;
      regressionErrorSd = t.regressionErrorSd;
      labelShare = t.labelShare;
      labelsUntil = t.labelsUntil;
      labelDelay = t.labelDelay;
      latencyMs = t.latencyMs;
      failureRate = t.failureRate;
      embedding = t.embedding;
    }

    Traffic build() {
      return new Traffic(
          model,
          version,
          start,
          spacing,
          records,
          seed,
          numeric,
          categorical,
          correctness,
          accuracy,
          confidenceFloor,
          yesShare,
          regressionErrorSd,
          labelShare,
          labelsUntil,
          labelDelay,
          latencyMs,
          failureRate,
          embedding);
    }
  }
}
