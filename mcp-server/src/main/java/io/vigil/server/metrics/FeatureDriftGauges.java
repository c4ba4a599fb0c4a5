package io.vigil.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vigil.detectors.dynamics.Risk;
import io.vigil.tools.drift.DriftScoreListener;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest drift score and drift risk of each (model, version, feature), published as the gauges
 * {@code vigil_feature_drift_score} and {@code vigil_feature_drift_risk}. Whatever computes drift
 * (the drift service, whose answers the agent's monitor asks for every round) tells this class
 * through {@link DriftScoreListener}; this class only holds and exposes the numbers. A feature's
 * gauge appears with its first score or risk.
 *
 * <p>The risk gauge is the {@link Risk} as a number, so that alert rules can compare it: 0 {@code
 * STABLE}, 1 {@code WATCH}, 2 {@code WARNING}, 3 {@code CRITICAL} ({@link #riskLevel}).
 */
public final class FeatureDriftGauges implements DriftScoreListener {

  static final String NAME = "vigil.feature.drift.score";
  static final String RISK_NAME = "vigil.feature.drift.risk";

  private final MeterRegistry registry;
  private final Map<Key, Value> scores = new ConcurrentHashMap<>();
  private final Map<Key, Value> risks = new ConcurrentHashMap<>();

  public FeatureDriftGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The number {@code vigil_feature_drift_risk} publishes for {@code risk}: 0 to 3. */
  public static int riskLevel(Risk risk) {
    // The constants are declared from calm to alarmed, which is the order the numbers keep.
    return risk.ordinal();
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
    scores.computeIfAbsent(
                key, k -> register(k, NAME, "Latest drift score (effect size) of an input feature"))
            .value =
        score;
  }

  /**
   * Sets a feature's current drift risk.
   *
   * @throws IllegalArgumentException if a name is empty
   */
  public void updateRisk(String model, String version, String feature, Risk risk) {
    Objects.requireNonNull(risk, "risk");
    Key key = new Key(model, version, feature);
    risks.computeIfAbsent(
                key,
                k ->
                    register(
                        k,
                        RISK_NAME,
                        "Latest drift risk of an input feature: 0 STABLE, 1 WATCH, 2 WARNING,"
                            + " 3 CRITICAL"))
            .value =
        riskLevel(risk);
  }

  /** Publishes every finite score the drift service tells. */
  @Override
  public void driftScore(String model, String version, String feature, double score) {
    if (Double.isFinite(score)) {
      update(model, version, feature, score);
    }
  }

  @Override
  public void driftRisk(String model, String version, String feature, Risk risk) {
    updateRisk(model, version, feature, risk);
  }

  /** The current score, or NaN when none was set. */
  public double score(String model, String version, String feature) {
    return current(scores, new Key(model, version, feature));
  }

  /** The current risk as its number ({@link #riskLevel}), or NaN when none was set. */
  public double risk(String model, String version, String feature) {
    return current(risks, new Key(model, version, feature));
  }

  /** Drops a model's gauges (when a model or version stops being monitored). */
  public void forget(String model) {
    forget(scores, model);
    forget(risks, model);
  }

  private static double current(Map<Key, Value> values, Key key) {
    Value value = values.get(key);
    return value == null ? Double.NaN : value.value;
  }

  private void forget(Map<Key, Value> values, String model) {
    values
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

  private Value register(Key key, String name, String description) {
    Value value = new Value();
    value.gauge =
        Gauge.builder(name, value, holder -> holder.value)
            .description(description)
            .tags(Tags.of("model", key.model(), "version", key.version(), "feature", key.feature()))
            .strongReference(true)
            .register(registry);
    return value;
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

  private static final class Value {
    volatile double value = Double.NaN;
    Gauge gauge;
  }
}
