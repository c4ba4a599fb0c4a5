package io.vigil.tools.drift;

import io.vigil.detectors.drift.FeatureDrift;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One feature's drift against the baseline over the window, and its recent dynamics.
 *
 * @param rank 1 for the most drifted; drifted first, then by effect relative to its threshold
 * @param feature the feature's name ({@code @prediction} for prediction drift)
 * @param verdict drifted, stable or untested
 * @param method the test used, e.g. {@code ks}, {@code chisquare}
 * @param effectSizeName what the effect size measures, e.g. "KS distance"
 * @param statistic the test statistic
 * @param pValue the raw p-value
 * @param adjustedPValue the p-value after the correction across features
 * @param effectSize the effect size
 * @param effectThreshold the effect size that counts as drift
 * @param untestedReason why it could not be tested
 * @param referenceCount baseline observations with a value
 * @param referenceMissing baseline observations without one
 * @param currentCount current observations with a value
 * @param currentMissing current observations without one
 * @param dynamics the score's recent level, velocity, acceleration and risk
 * @param dynamicsNote why there are no dynamics, or what they read
 */
public record FeatureDriftResult(
    int rank,
    String feature,
    DriftVerdict verdict,
    Optional<String> method,
    Optional<String> effectSizeName,
    OptionalDouble statistic,
    OptionalDouble pValue,
    OptionalDouble adjustedPValue,
    OptionalDouble effectSize,
    OptionalDouble effectThreshold,
    Optional<String> untestedReason,
    long referenceCount,
    long referenceMissing,
    long currentCount,
    long currentMissing,
    Optional<FeatureDynamics> dynamics,
    String dynamicsNote) {

  public FeatureDriftResult {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(effectSizeName, "effectSizeName");
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(pValue, "pValue");
    Objects.requireNonNull(adjustedPValue, "adjustedPValue");
    Objects.requireNonNull(effectSize, "effectSize");
    Objects.requireNonNull(effectThreshold, "effectThreshold");
    Objects.requireNonNull(untestedReason, "untestedReason");
    Objects.requireNonNull(dynamics, "dynamics");
    Objects.requireNonNull(dynamicsNote, "dynamicsNote");
  }

  /** The share of current observations without a value. */
  public double currentMissingShare() {
    long total = currentCount + currentMissing;
    return total == 0 ? 0.0 : (double) currentMissing / total;
  }

  /** A verdict as a result, at {@code rank}, with its dynamics (or why there are none). */
  public static FeatureDriftResult of(
      int rank, FeatureDrift verdict, Optional<FeatureDynamics> dynamics, String dynamicsNote) {
    if (verdict instanceof FeatureDrift.Tested t) {
      return new FeatureDriftResult(
          rank,
          t.feature(),
          t.drifted() ? DriftVerdict.DRIFTED : DriftVerdict.STABLE,
          Optional.of(t.method().id()),
          Optional.of(t.method().effectSizeName()),
          OptionalDouble.of(t.statistic()),
          OptionalDouble.of(t.pValue()),
          OptionalDouble.of(t.adjustedPValue()),
          OptionalDouble.of(t.effectSize()),
          OptionalDouble.of(t.effectThreshold()),
          Optional.empty(),
          t.reference().present(),
          t.reference().missing(),
          t.current().present(),
          t.current().missing(),
          dynamics,
          dynamicsNote);
    }
    FeatureDrift.Untested u = (FeatureDrift.Untested) verdict;
    return new FeatureDriftResult(
        rank,
        u.feature(),
        DriftVerdict.UNTESTED,
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.of(u.reason()),
        u.reference().present(),
        u.reference().missing(),
        u.current().present(),
        u.current().missing(),
        dynamics,
        dynamicsNote);
  }
}
