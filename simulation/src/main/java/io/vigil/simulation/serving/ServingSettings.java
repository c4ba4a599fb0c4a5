package io.vigil.simulation.serving;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How the serving loop serves a model.
 *
 * @param model the model's registered name
 * @param accuracyTarget the model's accuracy SLO, in (0, 1], if it has one
 * @param requestsPerMinute requests served per simulated minute, 1 to 10,000 (one writer batch)
 * @param labelDelay how long after a request its label arrives, >= 0
 * @param labelShare the share of served requests that are ever labelled, in [0, 1]
 * @param latency healthy latency
 * @param seed the seed of routing, latency and labelling draws
 */
public record ServingSettings(
    String model,
    OptionalDouble accuracyTarget,
    int requestsPerMinute,
    Duration labelDelay,
    double labelShare,
    LatencyModel latency,
    long seed) {

  /** The ingestion writer's default batch limit: one minute is written as one batch. */
  static final int MAX_REQUESTS_PER_MINUTE = 10_000;

  private static final int DEFAULT_REQUESTS_PER_MINUTE = 20;
  private static final Duration DEFAULT_LABEL_DELAY = Duration.ofMinutes(30);
  private static final LatencyModel DEFAULT_LATENCY = new LatencyModel(40, 0.35);

  public ServingSettings {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("the served model needs a name");
    }
    Objects.requireNonNull(accuracyTarget, "accuracyTarget");
    if (requestsPerMinute < 1 || requestsPerMinute > MAX_REQUESTS_PER_MINUTE) {
      throw new IllegalArgumentException(
          "requests per minute must be 1 to "
              + MAX_REQUESTS_PER_MINUTE
              + " (one writer batch), was "
              + requestsPerMinute);
    }
    Objects.requireNonNull(labelDelay, "labelDelay");
    if (labelDelay.isNegative()) {
      throw new IllegalArgumentException("the label delay must be >= 0, was " + labelDelay);
    }
    if (!(labelShare >= 0 && labelShare <= 1)) {
      throw new IllegalArgumentException("the label share must be in [0, 1], was " + labelShare);
    }
    Objects.requireNonNull(latency, "latency");
  }

  /**
   * 20 requests a minute, every label 30 minutes late, 40 ms median latency, no accuracy target.
   */
  public static ServingSettings defaults(String model, long seed) {
    return new ServingSettings(
        model,
        OptionalDouble.empty(),
        DEFAULT_REQUESTS_PER_MINUTE,
        DEFAULT_LABEL_DELAY,
        1.0,
        DEFAULT_LATENCY,
        seed);
  }

  public ServingSettings withAccuracyTarget(double target) {
    return new ServingSettings(
        model, OptionalDouble.of(target), requestsPerMinute, labelDelay, labelShare, latency, seed);
  }

  public ServingSettings withRequestsPerMinute(int perMinute) {
    return new ServingSettings(
        model, accuracyTarget, perMinute, labelDelay, labelShare, latency, seed);
  }

  public ServingSettings withLabelDelay(Duration delay) {
    return new ServingSettings(
        model, accuracyTarget, requestsPerMinute, delay, labelShare, latency, seed);
  }

  public ServingSettings withLabelShare(double share) {
    return new ServingSettings(
        model, accuracyTarget, requestsPerMinute, labelDelay, share, latency, seed);
  }
}
