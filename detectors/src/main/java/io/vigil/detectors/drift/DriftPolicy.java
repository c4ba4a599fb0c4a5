package io.vigil.detectors.drift;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a feature, and a dataset, count as drifted.
 *
 * <p>A feature is drifted when its (corrected) p-value is below {@code alpha} <em>and</em> its
 * effect size reaches the method's threshold: with a million rows every difference is significant,
 * and only the effect size says whether it matters. The dataset is drifted when the share of
 * drifted features among those tested reaches {@code datasetDriftShare}.
 *
 * @param alpha significance level in (0, 1); default 0.05
 * @param correction how p-values are adjusted across features; default Benjamini–Hochberg
 * @param datasetDriftShare share of drifted features, in (0, 1], that makes dataset drift; default
 *     0.5
 * @param effectThresholds effect size per method; methods absent use their default
 * @param methodOverrides method per feature name; features absent are chosen automatically
 */
public record DriftPolicy(
    double alpha,
    MultipleTestingCorrection correction,
    double datasetDriftShare,
    Map<DriftMethod, Double> effectThresholds,
    Map<String, DriftMethod> methodOverrides) {

  /** The default significance level. */
  public static final double DEFAULT_ALPHA = 0.05;

  /** The default share of drifted features that makes dataset drift (as in Evidently). */
  public static final double DEFAULT_DATASET_DRIFT_SHARE = 0.5;

  /**
   * @throws IllegalArgumentException if alpha is not in (0, 1), the share not in (0, 1], or an
   *     effect threshold is negative or not finite
   */
  public DriftPolicy {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
    }
    if (!(datasetDriftShare > 0 && datasetDriftShare <= 1)) {
      throw new IllegalArgumentException(
          "dataset drift share must be in (0, 1], was " + datasetDriftShare);
    }
    effectThresholds.forEach(
        (method, threshold) -> {
          if (threshold == null || !(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException(
                "effect threshold for "
                    + method.id()
                    + " must be finite and >= 0, was "
                    + threshold);
          }
        });
    effectThresholds =
        Collections.unmodifiableMap(
            effectThresholds.isEmpty()
                ? new EnumMap<>(DriftMethod.class)
                : new EnumMap<>(effectThresholds));
    methodOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(methodOverrides));
  }

  /** α = 0.05, Benjamini–Hochberg, dataset drift at half the features, default thresholds. */
  public static DriftPolicy defaults() {
    return new DriftPolicy(
        DEFAULT_ALPHA,
        MultipleTestingCorrection.BENJAMINI_HOCHBERG,
        DEFAULT_DATASET_DRIFT_SHARE,
        Map.of(),
        Map.of());
  }

  public DriftPolicy withAlpha(double newAlpha) {
    return new DriftPolicy(
        newAlpha, correction, datasetDriftShare, effectThresholds, methodOverrides);
  }

  public DriftPolicy with(MultipleTestingCorrection newCorrection) {
    return new DriftPolicy(
        alpha, newCorrection, datasetDriftShare, effectThresholds, methodOverrides);
  }

  public DriftPolicy withDatasetDriftShare(double share) {
    return new DriftPolicy(alpha, correction, share, effectThresholds, methodOverrides);
  }

  /** Sets the effect size {@code method} must reach. */
  public DriftPolicy withEffectThreshold(DriftMethod method, double threshold) {
    Map<DriftMethod, Double> thresholds = new EnumMap<>(DriftMethod.class);
    thresholds.putAll(effectThresholds);
    thresholds.put(method, threshold);
    return new DriftPolicy(alpha, correction, datasetDriftShare, thresholds, methodOverrides);
  }

  /** Uses {@code method} for {@code feature} instead of the automatic choice. */
  public DriftPolicy withMethod(String feature, DriftMethod method) {
    Map<String, DriftMethod> overrides = new LinkedHashMap<>(methodOverrides);
    overrides.put(feature, method);
    return new DriftPolicy(alpha, correction, datasetDriftShare, effectThresholds, overrides);
  }

  /** The effect size threshold in force for {@code method}. */
  public double effectThreshold(DriftMethod method) {
    return effectThresholds.getOrDefault(method, method.defaultEffectThreshold());
  }

  /**
   * The rule: significant after correction and at least the method's effect size.
   *
   * @param method the method whose effect threshold applies
   * @param adjustedPValue the p-value after the multiple-testing correction
   * @param effectSize the change's effect size, in the method's measure
   */
  public boolean isDrift(DriftMethod method, double adjustedPValue, double effectSize) {
    return adjustedPValue < alpha && effectSize >= effectThreshold(method);
  }

  /** The method forced for {@code feature}, if any. */
  public Optional<DriftMethod> methodFor(String feature) {
    return Optional.ofNullable(methodOverrides.get(feature));
  }
}
