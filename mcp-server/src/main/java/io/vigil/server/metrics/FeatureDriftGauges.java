package io.vigil.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest drift score of each (model, version, feature), published as the gauge {@code
 * vigil_feature_drift_score}. Whatever computes drift (the drift service, a scheduled check) calls
 * {@link #update}; this class only holds and exposes the numbers. A feature's gauge appears with
 * its first score.
 */
public final class FeatureDriftGauges {

  static final String NAME = "vigil.feature.drift.score";

  private final MeterRegistry registry;
  private final Map<Key, Score> scores = new ConcurrentHashMap<>();

  public FeatureDriftGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Sets a feature's current drift score.
   *
   * @param score the drift measure (the method's effect size), finite
   * @throws IllegalArgumentException if the score is not finite or a name is empty
   */
  public void update(String model, String version, String feature, double score) {
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException(
          "drift score of "
              + model
              + "/"
              + version
              + "/"
              + feature
              + " must be finite, was "
              + score);
    }
    Key key = new Key(model, version, feature);
    scores.computeIfAbsent(key, this::register).value = score;
  }

  /** The current score, or NaN when none was set. */
  public double score(String model, String version, String feature) {
    Score score = scores.get(new Key(model, version, feature));
    return score == null ? Double.NaN : score.value;
  }

  /** Drops a model's gauges (when a model or version stops being monitored). */
  public void forget(String model) {
    scores
        .entrySet()
        .removeIf(
            entry -> {
              if (entry.getKey().model().equals(model)) {
                registry.remove(entry.getValue().gauge);
                return true;
              }
              return false;
            });
  }

  private Score register(Key key) {
    Score score = new Score();
    score.gauge =
        Gauge.builder(NAME, score, holder -> holder.value)
            .description("Latest drift score (effect size) of an input feature")
            .tags(Tags.of("model", key.model(), "version", key.version(), "feature", key.feature()))
            .strongReference(true)
            .register(registry);
    return score;
  }

  private record Key(String model, String version, String feature) {
    Key {
      requireName("model", model);
      requireName("version", version);
      requireName("feature", feature);
    }

    private static void requireName(String what, String name) {
      if (Objects.requireNonNull(name, what).isEmpty()) {
        throw new IllegalArgumentException(what + " is empty");
      }
    }
  }

  private static final class Score {
    volatile double value = Double.NaN;
    Gauge gauge;
  }
}
